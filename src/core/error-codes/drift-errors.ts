import type { AreaEntries } from './error-entry.ts';

/** Comparing two samples for drift (reference against current). */
export const DRIFT_ERRORS = {
  'drift.no_common_columns': {
    title: 'No column in common',
    help: 'Compare two tables that share column names (the current data should have the reference’s columns).',
  },
  'drift.unknown_column': { title: 'Unknown column', help: 'Name columns that both tables have.' },
  'drift.type_mismatch': {
    title: 'Column types differ',
    help: 'Make the column numeric in both tables or text in both, or leave it out.',
  },
  'drift.all_missing': {
    title: 'Column has no values',
    help: 'Leave the column out, or fill its missing values.',
  },
  'drift.too_few_rows': {
    title: 'Too few rows',
    help: 'Compare samples of at least two rows each (a wider window, or more data).',
  },
  'drift.bad_test': {
    title: 'Unsuitable test',
    help: 'Use ks, wasserstein, psi, jensenshannon, chisquare or z for numeric columns; psi, jensenshannon, chisquare or z for categorical ones.',
  },
  'drift.bad_threshold': {
    title: 'Invalid threshold',
    help: 'Give a threshold between 0 and 1.',
  },
} as const satisfies AreaEntries<'drift'>;
