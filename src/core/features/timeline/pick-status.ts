import type { PickStatus } from './timeline-types.ts';

/**
 * Why a training row at `time` got no feature row, from the event times of
 * its entity's feature rows (the join found none): none at all, only rows
 * after `time`, rows before the TTL window only, or rows in the window that
 * were all created after `time` (skipped by the backfill guard).
 *
 * @example
 * missStatus(10, [12, 15], 5) // 'only-future'
 * missStatus(10, [2, 15], 5) // 'expired' (2 < 10 − 5)
 */
export function missStatus(time: number | null, eventTimes: readonly number[], ttlMs: number | null): PickStatus {
  if (time === null) return 'no-time';
  if (eventTimes.length === 0) return 'no-feature-rows';
  const earlier = eventTimes.filter((t) => t <= time);
  if (earlier.length === 0) return 'only-future';
  const oldest = ttlMs === null ? -Infinity : time - ttlMs;
  return earlier.some((t) => t >= oldest) ? 'created-later' : 'expired';
}

/** What each status means, in words (the UI's legend and the row list use it). */
export const PICK_STATUS_TEXT: Record<PickStatus, string> = {
  matched: 'matched',
  expired: 'expired by TTL',
  'created-later': 'created after the row (skipped)',
  'only-future': 'no match: only future rows',
  'no-feature-rows': 'no match: no feature rows',
  'no-time': 'no match: row has no time',
};
