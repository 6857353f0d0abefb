import type { ColumnType } from '../../data/types.ts';

/** What a trailing-window aggregation groups and orders by: the entity's key columns and the event time. */
export interface WindowContext {
  entityKey?: string[];
  timestamp?: string;
}

/**
 * Why the context cannot drive a window aggregation over `schema`, or null
 * when it can: it needs at least one key column and a datetime (or numeric)
 * timestamp column, all in the table.
 */
export function checkWindowContext(
  context: WindowContext | undefined,
  schema: ReadonlyArray<{ name: string; type: ColumnType }>,
): string | null {
  const usage = 'A trailing-window aggregation needs the entity key and the timestamp column';
  if (!context?.entityKey?.length || !context.timestamp)
    return `${usage}: choose them first (the entity and its event time)`;
  const names = new Set(schema.map((c) => c.name));
  const missing = context.entityKey.find((k) => !names.has(k));
  if (missing !== undefined) return `${usage}; the entity key column '${missing}' is not in the table`;
  const time = schema.find((c) => c.name === context.timestamp);
  if (!time) return `${usage}; the timestamp column '${context.timestamp}' is not in the table`;
  if (time.type !== 'datetime' && time.type !== 'number' && time.type !== 'integer') {
    return `${usage}; the timestamp column '${context.timestamp}' is ${time.type}, not a datetime`;
  }
  return null;
}
