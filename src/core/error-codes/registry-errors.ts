import type { AreaEntries } from './error-entry.ts';

/** The model registry and model bundles (export and import). */
export const REGISTRY_ERRORS = {
  'registry.alias_not_found': { title: 'Unknown alias', help: 'Use a version number, or set the alias first.' },
  'registry.already_imported': { title: 'Already imported', help: 'Use the version that is already in the workspace.' },
  'registry.bad_alias': {
    title: 'Invalid alias',
    help: 'Use 1 to 64 letters, digits, dots, dashes or underscores, not only digits.',
  },
  'registry.bad_gates': { title: 'Invalid promotion gates', help: 'Gate known stages with gates of the right type.' },
  'registry.bad_name': {
    title: 'Invalid model name',
    help: 'Use 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.',
  },
  'registry.bad_stage': { title: 'Unknown stage', help: 'Use Development, Staging, Production or Archived.' },
  'registry.bad_tag': { title: 'Invalid tag', help: 'Give every tag a non-empty key.' },
  'registry.bad_time': { title: 'Invalid time', help: 'Pass a UTC ISO 8601 time such as 2026-01-31T12:00:00.000Z.' },
  'registry.card_unavailable': {
    title: 'Model card unavailable',
    help: 'Open the card in the workspace that holds the run, or import its bundle.',
  },
  'registry.dataset_not_found': {
    title: 'Dataset version not found',
    help: 'Import or save the dataset version the run was trained on.',
  },
  'registry.forbidden_transition': { title: 'Stage change not allowed', help: 'Pick another stage.' },
  'registry.import_metrics_differ': {
    title: 'Imported metrics differ from the run',
    help: 'Export the model again from its workspace, unedited.',
  },
  'registry.model_not_found': { title: 'Unknown model', help: 'Use the name of a registered model.' },
  'registry.no_actor': {
    title: 'No name set',
    help: 'Set your name in the profile first: registry actions are audited.',
  },
  'registry.run_already_registered': {
    title: 'Run already registered',
    help: 'Use the existing version, or register another run.',
  },
  'registry.run_not_completed': { title: 'Run not completed', help: 'Register a completed run.' },
  'registry.run_not_found': { title: 'Run not stored', help: 'Save the run first, or pick a stored run.' },
  'registry.signature_column_missing': {
    title: 'Column missing from the dataset',
    help: 'Register the run with the dataset version it was trained on.',
  },
  'registry.version_not_found': { title: 'Unknown model version', help: 'Use one of the model’s version numbers.' },
  'registry.wrong_dataset': {
    title: 'Wrong dataset version',
    help: 'Pass the dataset version the run was trained on.',
  },
  'bundle.artifact_mismatch': {
    title: 'Model does not match its checksum',
    help: 'The stored model was altered: retrain and register it again.',
  },
  'bundle.artifact_missing': {
    title: 'Model file missing',
    help: 'Restore the workspace from a backup, or retrain and register the model.',
  },
  'bundle.bad_file': { title: 'Unreadable bundle file', help: 'Export the model again from the workbench.' },
  'bundle.checksum': { title: 'Bundle file altered', help: 'Export the model again from the workbench.' },
  'bundle.unsupported_compression': {
    title: 'Unreadable zip compression',
    help: 'Zip the files again with deflate compression, or export the model again.',
  },
  'bundle.damaged': { title: 'Damaged bundle', help: 'Export the model again and copy the whole file.' },
  'bundle.duplicate_file': { title: 'File twice in the bundle', help: 'Export the model again from the workbench.' },
  'bundle.extra_file': { title: 'Unexpected file in the bundle', help: 'Remove the file, or export the model again.' },
  'bundle.invalid_model': { title: 'Invalid model in the bundle', help: 'Export the model again from the workbench.' },
  'bundle.missing_file': { title: 'File missing from the bundle', help: 'Export the model again from the workbench.' },
  'bundle.no_manifest': { title: 'Not a model bundle', help: 'Choose the .zip file the workbench exported.' },
  'bundle.not_rebuildable': {
    title: 'Model cannot be exported',
    help: 'Retrain and register the model with this version of the workbench.',
  },
  'bundle.not_zip': { title: 'Not a zip file', help: 'Choose the .zip file the workbench exported.' },
  'bundle.several': { title: 'Several bundles in one zip', help: 'Import each bundle from its own zip.' },
  'bundle.too_large': { title: 'Zip too large', help: 'Choose the model bundle the workbench exported.' },
  'bundle.unknown_format': { title: 'Not a model bundle', help: 'Choose the .zip file the workbench exported.' },
  'bundle.unsafe_name': { title: 'Unsafe file name in the zip', help: 'Choose the .zip file the workbench exported.' },
  'bundle.unsupported_version': {
    title: 'Newer bundle format',
    help: 'Update the workbench, or export the model with this version.',
  },
  'bundle.wrong_run': {
    title: 'Run not in this workspace',
    help: 'Export the model from the workspace where it was trained.',
  },
} as const satisfies AreaEntries<'registry' | 'bundle'>;
