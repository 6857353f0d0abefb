/** Workspace bundles: the whole workspace as one verifiable zip, and its import. */
export {
  WORKSPACE_BUNDLE_FORMAT,
  WORKSPACE_BUNDLE_VERSION,
  type RecordCodec,
  type WorkspaceBundleManifest,
} from './bundle-layout.ts';
export { exportWorkspaceBundle, type ExportWorkspaceInput } from './export-workspace-bundle.ts';
export { readWorkspaceBundle } from './read-workspace-bundle.ts';
export { verifySnapshot } from './verify-snapshot.ts';
export {
  BUNDLED_RECORD_KINDS,
  PORTABLE_SETTING_KEYS,
  auditIsEmpty,
  readSnapshot,
  snapshotIsEmpty,
  type ProgressListener,
  type RecordsByKind,
  type WorkspaceSnapshot,
} from './workspace-snapshot.ts';
