/** Model bundles: a version exported as a verifiable zip (open model formats + manifest), and imported back. */
export {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  MODEL_FILES,
  bundleFileNames,
  bundleFolderName,
  type BundleFileEntry,
  type BundleManifest,
} from './bundle-format.ts';
export { exportModelBundle, type ExportBundleInput } from './export-model-bundle.ts';
export { importModelBundle, type ImportedModelBundle } from './import-model-bundle.ts';
export { LINEAR_MODEL_FORMAT, MLP_METADATA_KEY, type LinearModelFile } from './model-files.ts';
