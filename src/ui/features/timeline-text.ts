/** The timeline in words: what a training row got, for its marker's name and the status line. */
import { PICK_STATUS_TEXT } from '../../core/features/timeline/pick-status.ts';
import type { EntityTimeline } from '../../state/feature-join-state.svelte.ts';
import { formatInstant } from '../common/format.ts';

/** The event time of a view's feature row, as text ('—' when not shown). */
export function featureTime(timeline: EntityTimeline, viewIndex: number, row: number | null): string {
  if (row === null) return '—';
  const found = timeline.views[viewIndex].featureRows.find((f) => f.row === row);
  return found ? formatInstant(found.eventTime) : '—';
}

/**
 * One training row in a sentence: its time, what the view gave it (or why
 * nothing), and the naive join's pick when that is from its future.
 *
 * @example
 * describeRow(timeline, 0, 3) // 'Row 4, 1938-12-31: got the feature row of 1938-12-31; a naive join takes 1954-12-31, from its future'
 */
export function describeRow(timeline: EntityTimeline, viewIndex: number, index: number): string {
  const row = timeline.rows[index];
  const link = timeline.views[viewIndex].links[index];
  const when = row.time === null ? 'no time' : formatInstant(row.time);
  const got =
    link.status === 'matched'
      ? `got the feature row of ${featureTime(timeline, viewIndex, link.picked)}`
      : PICK_STATUS_TEXT[link.status];
  const naive = link.naiveFuture
    ? `; a naive join takes ${featureTime(timeline, viewIndex, link.naive)}, from its future`
    : '';
  return `Row ${row.row + 1}, ${when}: ${got}${naive}`;
}
