import type { Column, DataTable } from '../../data/types.ts';
import type { ViewFrame } from '../compute/view-features.ts';
import type { FeatureViewRecord } from '../definitions/feature-types.ts';
import { parseDuration } from '../join/duration.ts';
import { joinPointInTime } from '../join/point-in-time-join.ts';
import { columnNamed, timeValues } from '../join/table-columns.ts';
import { takeRows } from '../join/take-rows.ts';

/** What each view contributed to a training table: which feature row every entity row got. */
export interface ViewJoin {
  viewId: string;
  matches: Int32Array;
  naive: Int32Array;
  eventTimes: Float64Array;
  matchedRows: number;
  leakedRows: number;
}

export interface HistoricalFeatures {
  /** The entity rows, all their columns, then every view's features. */
  table: DataTable;
  views: ViewJoin[];
}

/**
 * Offline retrieval: every entity row joined point-in-time with each view
 * (its own keys and TTL), features appended in view order. Options as in
 * the join: `ignoreCreatedAfter` guards against backfill leakage.
 *
 * @throws WorkbenchError `features.no_column`, `features.bad_timestamp`
 */
export function historicalFeatures(
  entities: DataTable,
  timestamp: string,
  views: { view: FeatureViewRecord; frame: ViewFrame }[],
  options: { ignoreCreatedAfter?: boolean } = {},
): HistoricalFeatures {
  const timestamps = timeValues(entities, timestamp, 'the entity table');
  const columns: Column[] = [...entities.columns];
  const joins: ViewJoin[] = [];
  for (const { view, frame } of views) {
    const result = joinPointInTime({
      entityKeys: view.joinKeys.map((k) => columnNamed(entities, k, 'The entity table')),
      timestamps,
      sourceKeys: frame.keys,
      eventTimes: frame.eventTimes,
      createdTimes: frame.createdTimes,
      ttlMs: view.ttl === null ? undefined : parseDuration(view.ttl),
      ignoreCreatedAfter: options.ignoreCreatedAfter,
    });
    for (const feature of frame.features) columns.push(takeRows(feature, result.matches));
    joins.push({ viewId: view.id, eventTimes: frame.eventTimes, ...result });
  }
  return { table: { rowCount: entities.rowCount, columns }, views: joins };
}
