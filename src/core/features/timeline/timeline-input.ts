import type { TimelineKeys } from './key-codes.ts';

/** The join's inputs and outputs, as the timeline functions read them (plain arrays, one entry per row). */
export interface TimelineViewInput {
  viewId: string;
  ttlMs: number | null;
  /** Each training row's and each source row's key under this view's join keys, as codes. */
  keys: TimelineKeys;
  eventTimes: ArrayLike<number>;
  /** null: the view has no created-time column. */
  createdTimes: ArrayLike<number> | null;
  /** The join's pick per training row (-1: none), as `joinPointInTime` returns it. */
  matches: ArrayLike<number>;
  /** A naive join's pick per training row (-1: none). */
  naive: ArrayLike<number>;
}

export interface TimelineInput {
  /** Each training row's time in ms (NaN: missing). */
  timestamps: ArrayLike<number>;
  /** At least one view; the first view's keys name the entity. */
  views: TimelineViewInput[];
}

/** The time at `row`, or null when missing. */
export function timeAt(times: ArrayLike<number>, row: number): number | null {
  return row < 0 || Number.isNaN(times[row]) ? null : times[row];
}
