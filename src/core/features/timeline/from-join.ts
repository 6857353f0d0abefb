import type { DataTable } from '../../data/types.ts';
import type { ViewFrame } from '../compute/view-features.ts';
import type { FeatureViewRecord } from '../definitions/feature-types.ts';
import { parseDuration } from '../join/duration.ts';
import { columnNamed, timeValues } from '../join/table-columns.ts';
import type { ViewJoin } from '../retrieval/historical-features.ts';
import { keyCodes } from './key-codes.ts';
import type { TimelineInput } from './timeline-input.ts';

/**
 * The timeline's input from a historical retrieval: each row's key under
 * every view's join keys (as codes), next to the join's picks.
 *
 * @throws WorkbenchError `features.no_column`, `features.bad_timestamp` (as the join did)
 */
export function timelineFromJoin(
  entities: DataTable,
  timestamp: string,
  views: { view: FeatureViewRecord; frame: ViewFrame }[],
  joins: ViewJoin[],
): TimelineInput {
  return {
    timestamps: timeValues(entities, timestamp, 'the entity table'),
    views: views.map(({ view, frame }, i) => ({
      viewId: view.id,
      ttlMs: view.ttl === null ? null : parseDuration(view.ttl),
      keys: keyCodes(
        view.joinKeys.map((k) => columnNamed(entities, k, 'The entity table')),
        frame.keys,
        entities.rowCount,
        frame.eventTimes.length,
      ),
      eventTimes: frame.eventTimes,
      createdTimes: frame.createdTimes ?? null,
      matches: joins[i].matches,
      naive: joins[i].naive,
    })),
  };
}
