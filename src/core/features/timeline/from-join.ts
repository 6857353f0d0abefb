import type { DataTable } from '../../data/types.ts';
import type { ViewFrame } from '../compute/view-features.ts';
import type { FeatureViewRecord } from '../definitions/feature-types.ts';
import { parseDuration } from '../join/duration.ts';
import { keyTextAt } from '../join/key-groups.ts';
import { columnNamed, timeValues } from '../join/table-columns.ts';
import type { ViewJoin } from '../retrieval/historical-features.ts';
import type { TimelineInput } from './timeline-input.ts';

/**
 * The timeline's input from a historical retrieval: each row's key text
 * under every view's join keys, next to the join's picks.
 *
 * @throws WorkbenchError `features.no_column`, `features.bad_timestamp` (as the join did)
 */
export function timelineFromJoin(
  entities: DataTable,
  timestamp: string,
  views: { view: FeatureViewRecord; frame: ViewFrame }[],
  joins: ViewJoin[],
): TimelineInput {
  const keyTexts = (columns: DataTable['columns'], rows: number) =>
    Array.from({ length: rows }, (_, r) => keyTextAt(columns, r));
  return {
    timestamps: timeValues(entities, timestamp, 'the entity table'),
    views: views.map(({ view, frame }, i) => ({
      viewId: view.id,
      ttlMs: view.ttl === null ? null : parseDuration(view.ttl),
      entityKeys: keyTexts(
        view.joinKeys.map((k) => columnNamed(entities, k, 'The entity table')),
        entities.rowCount,
      ),
      sourceKeys: keyTexts(frame.keys, frame.eventTimes.length),
      eventTimes: frame.eventTimes,
      createdTimes: frame.createdTimes ?? null,
      matches: joins[i].matches,
      naive: joins[i].naive,
    })),
  };
}
