import type { AreaEntries } from './error-entry.ts';

/** Workspace bundles: a whole workspace exported as one zip and imported into another. */
export const WORKSPACE_BUNDLE_ERRORS = {
  'workspace.not_a_bundle': {
    title: 'Not a workspace bundle',
    help: 'Choose the .zip file that "Export workspace" (or workbench bundle export) wrote.',
  },
  'workspace.bundle_newer': {
    title: 'Newer bundle format',
    help: 'Update the workbench to import this bundle.',
  },
  'workspace.bundle_damaged': {
    title: 'Damaged or altered bundle',
    help: 'Export the workspace again and copy the whole file; nothing was imported.',
  },
  'workspace.bundle_audit_broken': {
    title: 'Audit chain does not verify',
    help: 'The bundle was altered after export; export the workspace again. Nothing was imported.',
  },
  'workspace.not_empty': {
    title: 'Workspace not empty',
    help: 'Import into a new, empty workspace (or erase this one first).',
  },
} as const satisfies AreaEntries<'workspace'>;
