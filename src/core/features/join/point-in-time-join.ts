import type { Column } from '../../data/types.ts';
import { groupKeys } from './key-groups.ts';
import { sortGroups } from './sorted-groups.ts';

/** The inputs of one point-in-time join, as plain columns (they cross to a worker as they are). */
export interface PointInTimeInput {
  /** Join-key columns of the entity (training or request) table. */
  entityKeys: Column[];
  /** Each entity row's time, ms (NaN: no match). */
  timestamps: Float64Array;
  /** The same key columns in the feature source, in the same order. */
  sourceKeys: Column[];
  /** Each source row's event time, ms (NaN rows are never picked). */
  eventTimes: Float64Array;
  /** Each source row's created (ingestion) time, ms: breaks event-time ties, later wins. */
  createdTimes?: Float64Array;
  /** Oldest usable feature row: event time ≥ timestamp − ttlMs. No TTL: no lower bound. */
  ttlMs?: number;
  /** Backfill-leakage protection: skip feature rows created after the entity row's time. */
  ignoreCreatedAfter?: boolean;
}

/** Which source row each entity row got, and what a naive join would have done. */
export interface PointInTimeResult {
  /** Source row picked for each entity row, -1 when none qualifies. */
  matches: Int32Array;
  /** Source row a naive latest-value join (same key, newest event overall) would pick, -1 when none. */
  naive: Int32Array;
  /** Entity rows whose naive pick lies after their own timestamp: leaked from the future. */
  leakedRows: number;
  /** Entity rows with a match. */
  matchedRows: number;
}

/**
 * Point-in-time-correct join: for every entity row, the source row with the
 * same key whose event time is the latest ≤ the row's timestamp (and ≥
 * timestamp − TTL), ties on event time broken by the latest created time,
 * then by the later row in the file.
 *
 * Written by hand (counting sort by key, then a binary search per entity row
 * in its key's time-sorted run) because Arquero has no as-of join: with its
 * verbs it is a key join that materialises every (entity row, feature row)
 * pair of a key, a filter on time, and a per-row arg-max by ordering and
 * group filter. Measured in `npm run bench -- features` on the same 1,000,000
 * feature rows × 100,000 entity rows (same result): 0.41 s of CPU by hand,
 * 3.4 s with Arquero (about 8× more), and it grows with rows per key.
 *
 * @example
 * // entity row at t=10 for key "a"; source rows for "a" at 5 and 12
 * joinPointInTime({ entityKeys: [a], timestamps: f64([10]), sourceKeys: [aa], eventTimes: f64([5, 12]) }).matches
 * // Int32Array [0]
 */
export function joinPointInTime(input: PointInTimeInput): PointInTimeResult {
  const { timestamps, eventTimes, createdTimes, ttlMs, ignoreCreatedAfter } = input;
  const entityRows = timestamps.length;
  const keys = groupKeys(input.entityKeys, input.sourceKeys, entityRows, eventTimes.length);
  const { order, offsets } = sortGroups(keys.sourceGroups, keys.groupCount, eventTimes, createdTimes);
  const matches = new Int32Array(entityRows).fill(-1);
  const naive = new Int32Array(entityRows).fill(-1);
  const guardCreated = ignoreCreatedAfter === true && createdTimes !== undefined;
  let leakedRows = 0;
  let matchedRows = 0;
  for (let i = 0; i < entityRows; i++) {
    const g = keys.entityGroups[i];
    const t = timestamps[i];
    if (g < 0) continue;
    const start = offsets[g];
    const end = offsets[g + 1];
    if (end === start) continue;
    const newest = order[end - 1];
    naive[i] = newest;
    if (Number.isNaN(t)) continue;
    if (eventTimes[newest] > t) leakedRows++;
    // Last position whose event time is ≤ t.
    let lo = start;
    let hi = end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (eventTimes[order[mid]] <= t) lo = mid + 1;
      else hi = mid;
    }
    const oldest = ttlMs === undefined ? -Infinity : t - ttlMs;
    for (let j = lo - 1; j >= start; j--) {
      const row = order[j];
      if (eventTimes[row] < oldest) break;
      if (guardCreated && createdTimes[row] > t) continue;
      matches[i] = row;
      matchedRows++;
      break;
    }
  }
  return { matches, naive, leakedRows, matchedRows };
}
