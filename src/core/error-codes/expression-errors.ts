import type { AreaEntries } from './error-entry.ts';

/** Feature expressions and the dataset Transform steps built on them. */
export const EXPRESSION_ERRORS = {
  'expression.invalid': {
    title: 'Invalid expression',
    help: 'Correct the expression at the position shown: check column names, brackets and argument types.',
  },
  'expression.column_missing': {
    title: 'Column not in the table',
    help: 'The expression was written for another table: check it against this table’s columns.',
  },
  'expression.window_context': {
    title: 'Window needs an entity and a time',
    help: 'Choose the entity key and the timestamp column before using count, sum, mean, min or max over a window.',
  },
} as const satisfies AreaEntries<'expression' | 'transform'>;
