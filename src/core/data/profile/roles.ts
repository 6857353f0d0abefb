import { keyedRecord } from '../../keyed-record.ts';
import type { ColumnRole, DataTable } from '../types.ts';

/** Names that usually mean "what to predict", matched whole or as a word of the name. */
const TARGET_WORDS = new Set(['target', 'label', 'class', 'species', 'outcome']);
/** Matched only as the whole name: as a word (`pos_y`) it is more often a coordinate. */
const TARGET_NAMES = new Set([...TARGET_WORDS, 'y']);

/**
 * A first guess at each column's role, for the user to correct: identifier
 * columns are entity ids, datetime columns timestamps, and the last column
 * named like a target (`target`, `label`, `class`, `y`, `species`,
 * `outcome`, or a name with one of those words such as `class_label`, in any
 * case) is the target. Everything else is a feature.
 *
 * @example
 * guessRoles(penguins) // { species: 'target', island: 'feature', …, year: 'feature' }
 */
export function guessRoles(table: DataTable): Record<string, ColumnRole> {
  const roles = keyedRecord<ColumnRole>();
  let target: string | undefined;
  for (const column of table.columns) {
    if (column.type === 'identifier') roles[column.name] = 'entity';
    else if (column.type === 'datetime') roles[column.name] = 'timestamp';
    else {
      roles[column.name] = 'feature';
      if (looksLikeTarget(column.name)) target = column.name;
    }
  }
  if (target !== undefined) roles[target] = 'target';
  return roles;
}

/** True for `Species`, `target`, `y`, `class_label`, `OutcomeFlag`; false for `classroom`, `pos_y`. */
export function looksLikeTarget(name: string): boolean {
  const trimmed = name.trim().toLowerCase();
  if (TARGET_NAMES.has(trimmed)) return true;
  // Split snake_case, kebab-case, spaces and camelCase into words.
  const words = name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((w) => TARGET_WORDS.has(w));
}
