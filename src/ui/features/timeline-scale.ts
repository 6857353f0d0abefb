/**
 * The timeline's horizontal axis: times to x positions inside the plot
 * area, and a few evenly spaced ticks. Layout only; what is drawn comes
 * from the core's entity timeline.
 */
import type { EntityTimeline } from '../../state/feature-join-state.svelte.ts';

export const WIDTH = 760;
/** Room for the lane labels on the left. */
export const LEFT = 118;
export const RIGHT = 24;

export interface TimeScale {
  x: (t: number) => number;
  ticks: { at: number; label: string }[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEAR = 365.25 * DAY;

/** Every time the entity's timeline shows in `viewIndex`'s lane (rows, event and created times). */
export function shownTimes(timeline: EntityTimeline, viewIndex: number): number[] {
  const lane = timeline.views[viewIndex];
  const times: number[] = [];
  for (const r of timeline.rows) if (r.time !== null) times.push(r.time);
  for (const f of lane?.featureRows ?? []) {
    times.push(f.eventTime);
    if (f.createdTime !== null) times.push(f.createdTime);
  }
  return times;
}

/**
 * A linear scale over the times (padded by 3% each side; a single time gets
 * a day either side) and about `count` ticks on round times across it:
 * new years, midnights or hours, as the span suits.
 *
 * @example
 * timeScale([0, 1000]).x(500) // the middle of the plot area
 */
export function timeScale(times: number[], count = 6): TimeScale {
  let lo = Math.min(...times);
  let hi = Math.max(...times);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    lo = 0;
    hi = 1;
  }
  if (hi === lo) {
    lo -= 86_400_000;
    hi += 86_400_000;
  }
  const pad = (hi - lo) * 0.03;
  lo -= pad;
  hi += pad;
  const span = WIDTH - LEFT - RIGHT;
  const x = (t: number) => LEFT + ((Math.min(Math.max(t, lo), hi) - lo) / (hi - lo)) * span;
  return { x, ticks: roundTicks(lo, hi, count) };
}

function roundTicks(lo: number, hi: number, count: number): { at: number; label: string }[] {
  const span = hi - lo;
  const ticks: { at: number; label: string }[] = [];
  if (span >= 2 * YEAR) {
    const step = nice(span / YEAR / count);
    const first = Math.ceil(new Date(lo).getUTCFullYear() / step) * step;
    for (let y = first; Date.UTC(y, 0, 1) <= hi; y += step) {
      if (Date.UTC(y, 0, 1) >= lo) ticks.push({ at: Date.UTC(y, 0, 1), label: String(y) });
    }
    return ticks;
  }
  const unit = span >= 2 * DAY ? DAY : HOUR;
  const step = nice(span / unit / count) * unit;
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) {
    const iso = new Date(t).toISOString();
    ticks.push({ at: t, label: unit === DAY ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ') });
  }
  return ticks;
}

/** 1, 2 or 5 times a power of ten, at least `raw` (and at least 1). */
function nice(raw: number): number {
  if (!(raw > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((v) => v >= raw) ?? 10 * power;
}
