import type { AreaEntries } from './error-entry.ts';

/** Workspace storage (IndexedDB, workspace folders) and the audit log. */
export const STORAGE_ERRORS = {
  'storage.bad_blob_hash': { title: 'Invalid blob hash', help: 'This is a workbench bug; please report it.' },
  'storage.conflict': { title: 'Changed elsewhere', help: 'Reload and try again: another tab or process changed it.' },
  'storage.corrupt': { title: 'Damaged workspace file', help: 'Restore the file from a backup, or remove it.' },
  'storage.incomplete': {
    title: 'Change not fully applied',
    help: 'Open the workspace again: the change is completed then.',
  },
  'storage.locked': { title: 'Workspace locked', help: 'Wait for the other process to finish, then try again.' },
  'storage.newer_format': {
    title: 'Newer workspace format',
    help: 'Update the workbench to open this workspace.',
  },
  'storage.no_workspace': { title: 'No workspace', help: 'Check the --workspace path, or create a workspace first.' },
  'storage.not_a_workspace': { title: 'Not a workspace folder', help: 'Give a folder with --workspace.' },
  'storage.not_storable': { title: 'Cannot be stored', help: 'This is a workbench bug; please report it.' },
  'storage.quota_exceeded': { title: 'Storage full', help: 'Erase data you no longer need or free disk space.' },
  'storage.run_exists': { title: 'Run already stored', help: 'Start a new run.' },
  'storage.unavailable': {
    title: 'Storage unavailable',
    help: 'Allow site data for this page, or leave private browsing.',
  },
  'storage.version_mismatch': { title: 'Dataset size mismatch', help: 'Save the dataset version again.' },
  'storage.version_newer': { title: 'Newer workspace', help: 'Reload the page to get the latest workbench.' },
  'storage.write_failed': { title: 'Write failed', help: 'Check the disk space and permissions, then try again.' },
  'audit.chain_broken': {
    title: 'Audit log does not verify',
    help: 'Run `workbench audit verify` to see what was changed, and restore the workspace from a backup.',
  },
  'audit.invalid_event': { title: 'Invalid audit event', help: 'This is a workbench bug; please report it.' },
} as const satisfies AreaEntries<'storage' | 'audit'>;
