import type { Column, DataTable } from '../../data/types.ts';
import { WorkbenchError } from '../../errors.ts';
import { joinPointInTime, type PointInTimeResult } from './point-in-time-join.ts';
import { columnNamed, timeValues } from './table-columns.ts';

/** How two tables are joined point-in-time, by column name. */
export interface TableJoinSpec {
  /** Join-key columns, named the same in both tables. */
  entityKey: string[];
  /** The entity table's time column. */
  timestamp: string;
  /** The source's event-time column. */
  eventTime: string;
  /** The source's created-time column, if any. */
  created?: string;
  ttlMs?: number;
  ignoreCreatedAfter?: boolean;
  /** Source columns to bring over; default every column that is not a key or a time. */
  features?: string[];
}

export interface TableJoin extends PointInTimeResult {
  /** The source columns brought over, in order. */
  featureColumns: Column[];
}

/**
 * Resolves the named columns of both tables and joins them point-in-time.
 *
 * @throws WorkbenchError `features.no_column`, `features.bad_timestamp`, `features.key_mismatch`
 */
export function joinTables(entities: DataTable, source: DataTable, spec: TableJoinSpec): TableJoin {
  if (spec.entityKey.length === 0) {
    throw new WorkbenchError(
      'features.key_mismatch',
      'No entity key was given. Name the join-key column(s), e.g. customer_id.',
    );
  }
  const entityKeys = spec.entityKey.map((name) => columnNamed(entities, name, 'The entity table'));
  const sourceKeys = spec.entityKey.map((name) => columnNamed(source, name, 'The feature source'));
  const timestamps = timeValues(entities, spec.timestamp, 'the entity table');
  const eventTimes = timeValues(source, spec.eventTime, 'the feature source');
  const createdTimes = spec.created === undefined ? undefined : timeValues(source, spec.created, 'the feature source');
  const reserved = new Set([...spec.entityKey, spec.eventTime, ...(spec.created ? [spec.created] : [])]);
  const featureColumns = spec.features
    ? spec.features.map((name) => columnNamed(source, name, 'The feature source'))
    : source.columns.filter((c) => !reserved.has(c.name));
  const result = joinPointInTime({
    entityKeys,
    timestamps,
    sourceKeys,
    eventTimes,
    createdTimes,
    ttlMs: spec.ttlMs,
    ignoreCreatedAfter: spec.ignoreCreatedAfter,
  });
  return { ...result, featureColumns };
}
