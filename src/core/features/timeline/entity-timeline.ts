import { missStatus } from './pick-status.ts';
import { timeAt, type TimelineInput, type TimelineViewInput } from './timeline-input.ts';
import type { EntityTimeline, TimelineFeatureRow, TimelineLink, TimelineRow, ViewTimeline } from './timeline-types.ts';

/**
 * One entity's timeline: its training rows (the first view's key equals
 * `key`) by time, and for every view the entity's feature rows and, per
 * training row, the row the join picked (or why none), the naive join's
 * pick and whether that pick lies in the row's future. At most `limit`
 * training rows and `limit` feature rows per view (picked rows always kept);
 * `truncated` says when some were left out.
 *
 * @example
 * entityTimeline(input, 'IBM').views[0].links.filter((l) => l.naiveFuture).length
 */
export function entityTimeline(input: TimelineInput, key: string, limit = 400): EntityTimeline {
  const { keys } = input.views[0];
  const code = keys.texts.indexOf(key);
  const all: TimelineRow[] = [];
  for (let r = 0; code >= 0 && r < keys.entity.length; r++) {
    if (keys.entity[r] === code) all.push({ row: r, time: timeAt(input.timestamps, r) });
  }
  all.sort(byTime);
  const rows = all.slice(0, limit);
  let truncated = rows.length < all.length;
  const views = input.views.map((view) => {
    const lane = viewTimeline(view, rows, limit);
    truncated ||= lane.truncated;
    return lane.timeline;
  });
  return { key, rows, views, truncated };
}

function viewTimeline(
  view: TimelineViewInput,
  rows: TimelineRow[],
  limit: number,
): { timeline: ViewTimeline; truncated: boolean } {
  const { entity, source } = view.keys;
  const codes = new Set(rows.map((r) => entity[r.row]).filter((k) => k >= 0));
  // The event times of every source row of each key, to say why a row got nothing.
  const byKey = new Map<number, number[]>();
  const sourceRows: TimelineFeatureRow[] = [];
  for (let s = 0; s < source.length; s++) {
    const k = source[s];
    if (!codes.has(k)) continue;
    const eventTime = timeAt(view.eventTimes, s);
    if (eventTime === null) continue;
    const created = view.createdTimes === null ? null : timeAt(view.createdTimes, s);
    sourceRows.push({ row: s, eventTime, createdTime: created });
    const times = byKey.get(k) ?? [];
    times.push(eventTime);
    byKey.set(k, times);
  }
  sourceRows.sort((a, b) => a.eventTime - b.eventTime || (a.createdTime ?? 0) - (b.createdTime ?? 0) || a.row - b.row);

  const links: TimelineLink[] = rows.map(({ row, time }) => {
    const picked = view.matches[row] >= 0 ? view.matches[row] : null;
    const naive = view.naive[row] >= 0 ? view.naive[row] : null;
    const naiveTime = naive === null ? null : timeAt(view.eventTimes, naive);
    const status = picked !== null ? 'matched' : missStatus(time, byKey.get(entity[row]) ?? [], view.ttlMs);
    return {
      row,
      picked,
      status,
      naive,
      naiveFuture: time !== null && naiveTime !== null && naiveTime > time,
      windowStart: time === null || view.ttlMs === null ? null : time - view.ttlMs,
    };
  });

  const linked = new Set(links.flatMap((l) => [l.picked, l.naive]).filter((r) => r !== null));
  const kept = sourceRows.filter((f, i) => i < limit || linked.has(f.row));
  return {
    timeline: { viewId: view.viewId, ttlMs: view.ttlMs, featureRows: kept, links },
    truncated: kept.length < sourceRows.length,
  };
}

function byTime(a: TimelineRow, b: TimelineRow): number {
  if (a.time === null || b.time === null) return a.time === b.time ? a.row - b.row : a.time === null ? 1 : -1;
  return a.time - b.time || a.row - b.row;
}
