/** The workbench's own version (from package.json), recorded with every run. */
export { version as WORKBENCH_VERSION } from '../../package.json';
