import type { AreaEntries } from './error-entry.ts';

/** Entities, feature views, the point-in-time join and the online store. */
export const FEATURE_ERRORS = {
  'features.no_column': {
    title: 'Column not found',
    help: 'Name a column that the table has (names are case-sensitive).',
  },
  'features.bad_timestamp': {
    title: 'Unusable time column',
    help: 'Use a datetime (ISO 8601) or numeric column for event and row times.',
  },
  'features.bad_ttl': { title: 'Invalid TTL', help: 'Write a positive duration such as 7d, 12h, 30m or 45s.' },
  'features.key_mismatch': {
    title: 'Entity keys do not line up',
    help: 'Give the same number of join-key columns on both sides.',
  },
  'features.bad_definition': {
    title: 'Invalid feature definition',
    help: 'Fix the entity, feature view or service named in the message and apply again.',
  },
  'features.bad_expression': {
    title: 'Invalid feature expression',
    help: 'Fix the expression at the position shown and apply again.',
  },
  'features.unknown': {
    title: 'Unknown feature view or service',
    help: 'Apply its definition first (`workbench features apply`), or check the name.',
  },
  'features.no_dataset': {
    title: 'Source dataset not found',
    help: 'Save a dataset version under that name first, or fix the source name.',
  },
  'features.not_materialized': {
    title: 'Online store is empty',
    help: 'Run `workbench features materialize` first.',
  },
} as const satisfies AreaEntries<'features'>;
