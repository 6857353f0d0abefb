import type { WindowContext } from '../../features/expression/index.ts';
import type { ColumnSchema } from '../types.ts';

/**
 * The window context a recipe's expressions use: the columns whose role is
 * `entity` (the key) and the first whose role is `timestamp`. Empty when the
 * data has none, and then a window aggregation is reported as an error.
 */
export function windowContextOf(schema: readonly ColumnSchema[]): WindowContext | undefined {
  const entityKey = schema.filter((c) => c.role === 'entity').map((c) => c.name);
  const timestamp = schema.find((c) => c.role === 'timestamp')?.name;
  return entityKey.length > 0 && timestamp ? { entityKey, timestamp } : undefined;
}
