import type { AreaEntries } from './error-entry.ts';

/** Datasets read from and written to Parquet and Arrow, and runs exported for MLflow. */
export const INTEROP_ERRORS = {
  'parquet.corrupt': {
    title: 'Damaged Parquet file',
    help: 'Write the file again from its source, or export the data as CSV.',
  },
  'parquet.unsupported_type': {
    title: 'Unsupported Parquet column',
    help: 'Keep flat columns of numbers, booleans, timestamps or strings (drop or flatten the others) and write the file again.',
  },
  'parquet.write_failed': {
    title: 'Cannot write Parquet',
    help: 'Export the version as CSV or Arrow instead, and report the problem.',
  },
  'arrow.corrupt': { title: 'Damaged Arrow file', help: 'Write the file again from its source, or export it as CSV.' },
  'arrow.unsupported_type': {
    title: 'Unsupported Arrow column',
    help: 'Keep flat columns of numbers, booleans, timestamps or strings and write the file again.',
  },
  'interchange.bad_column_names': {
    title: 'Unnamed or repeated columns',
    help: 'Give every column a different, non-empty name.',
  },
  'interchange.empty': { title: 'No rows or columns', help: 'Choose a file with at least one column and one row.' },
  'mlflow.bad_model_name': {
    title: 'Model name MLflow cannot store',
    help: 'Register the model under a name without / \\ or %.',
  },
  'mlflow.no_runs': {
    title: 'Nothing to export',
    help: 'Train a model in the workspace first; the export writes its runs and registered models.',
  },
} as const satisfies AreaEntries<'parquet' | 'arrow' | 'interchange' | 'mlflow'>;
