import type { AreaEntries } from './error-entry.ts';

/** Predict, deployments and rollouts over replayed traffic. */
export const SERVING_ERRORS = {
  'serving.bad_model_ref': {
    title: 'Invalid model reference',
    help: 'Write <name>, <name>@<version>, <name>@<stage> or <name>@<alias>.',
  },
  'serving.no_version_in_stage': { title: 'No version in that stage', help: 'Name a version, or promote one first.' },
  'serving.no_artifact': { title: 'Model artifact missing', help: 'Import the version’s bundle again.' },
  'serving.no_preprocessing': {
    title: 'Preprocessing unknown',
    help: 'Import the version’s bundle, or register a run trained here.',
  },
  'serving.signature_mismatch': {
    title: 'Columns do not match the model',
    help: 'Give the columns the version was trained on, with the same types.',
  },
  'serving.no_rows': { title: 'Nothing to score', help: 'Give at least one row.' },
  'serving.bad_row': { title: 'No such row', help: 'Pick a 0-based data row of the file.' },
  'serving.bad_timestamp': {
    title: 'Unusable timestamp column',
    help: 'Order by a datetime or numeric column, or replay in file order.',
  },
  'serving.empty_traffic': { title: 'Empty traffic', help: 'Replay a file with at least one data row.' },
  'serving.no_target': { title: 'No label column in the traffic', help: 'Pass the column that holds the labels.' },
  'serving.task_mismatch': { title: 'Different tasks', help: 'Roll out a candidate trained for the same task.' },
  'serving.regression_unsupported': {
    title: 'Regression cannot be rolled out yet',
    help: 'Replay classifiers: the strategies compare accuracy.',
  },
  'serving.bad_label_delay': { title: 'Invalid label delay', help: 'Use a whole number of requests, 0 or more.' },
  'serving.no_traffic': {
    title: 'Request stream missing',
    help: 'Pick a dataset version of this workspace as the request stream.',
  },
  'serving.cancelled': { title: 'Replay cancelled', help: 'Start the rollout again when ready.' },
  'serving.same_version': { title: 'Same version twice', help: 'Roll out a different version against the stable.' },
  'deploy.already_active': { title: 'Already deployed', help: 'Deploy another version, or roll back.' },
  'deploy.nothing_deployed': { title: 'Nothing deployed', help: 'Deploy a version first.' },
  'deploy.no_rollback_target': {
    title: 'Nothing to roll back to',
    help: 'Deploy another version instead: this is the first deployment there.',
  },
} as const satisfies AreaEntries<'serving' | 'deploy'>;
