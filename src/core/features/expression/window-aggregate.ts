import type { WindowAggregate } from './functions.ts';

/**
 * Trailing-window aggregation per entity, computed for every row.
 *
 * Row r of entity g at time t aggregates the rows of g whose time lies in
 * (t − windowMs, t]: its own row, earlier rows within the window and rows at
 * exactly the same time — never a row after t, wherever it sits in the
 * table. So the value is the same whichever order the rows come in, and it
 * uses only what was known at t (the point-in-time rule). Rows with a
 * missing entity or time get a missing result and belong to no window.
 *
 * `values` null means "count rows"; otherwise missing values (NaN) are skipped:
 * count counts the present ones, sum/mean/min/max of none is missing.
 *
 * Hand-written, not Arquero: Arquero's window frames are row offsets, and a
 * trailing *time* range needs the two-pointer sweep below (see bench/features).
 */
export function windowAggregate(
  aggregate: WindowAggregate,
  values: Float64Array | null,
  groups: Int32Array,
  times: Float64Array,
  windowMs: number,
): Float64Array {
  const n = groups.length;
  const out = new Float64Array(n).fill(NaN);
  const order = sortedRows(groups, times);
  const deque = new Int32Array(order.length);
  const keepFront = aggregate === 'min' ? (a: number, b: number) => a <= b : (a: number, b: number) => a >= b;
  let start = 0;
  while (start < order.length) {
    const group = groups[order[start]];
    let end = start;
    while (end < order.length && groups[order[end]] === group) end++;
    // One entity: sweep its rows in time order with a left edge and, for min/max, a monotone deque of positions.
    let left = start;
    let count = 0;
    let sum = 0;
    let compensation = 0;
    let head = 0;
    let tail = 0;
    const add = (v: number): void => {
      // Neumaier summation: the window slides over many rows, plain sums would drift.
      const t = sum + v;
      compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
      sum = t;
    };
    let p = start;
    while (p < end) {
      const t = times[order[p]];
      let q = p;
      for (; q < end && times[order[q]] === t; q++) {
        const v = values === null ? 1 : values[order[q]];
        if (v !== v) continue;
        count++;
        add(v);
        if (aggregate === 'min' || aggregate === 'max') {
          while (tail > head && !keepFront(values![order[deque[tail - 1]]], v)) tail--;
          deque[tail++] = q;
        }
      }
      for (; left < q && times[order[left]] <= t - windowMs; left++) {
        const v = values === null ? 1 : values[order[left]];
        if (v !== v) continue;
        count--;
        add(-v);
        if (head < tail && deque[head] === left) head++;
      }
      if (count === 0) sum = compensation = 0;
      const result = summarize(
        aggregate,
        values === null,
        count,
        sum + compensation,
        head < tail ? values![order[deque[head]]] : NaN,
      );
      for (let k = p; k < q; k++) out[order[k]] = result;
      p = q;
    }
    start = end;
  }
  return out;
}

function summarize(
  aggregate: WindowAggregate,
  countRows: boolean,
  count: number,
  sum: number,
  extreme: number,
): number {
  switch (aggregate) {
    case 'count':
      return count;
    case 'sum':
      return count > 0 ? sum : countRows ? 0 : NaN;
    case 'mean':
      return count > 0 ? sum / count : NaN;
    case 'min':
    case 'max':
      return extreme;
  }
}

/** Row indices with an entity and a time, ordered by entity, then time, then row. */
function sortedRows(groups: Int32Array, times: Float64Array): Uint32Array {
  let kept = 0;
  for (let r = 0; r < groups.length; r++) if (groups[r] >= 0 && times[r] === times[r]) kept++;
  const order = new Uint32Array(kept);
  let k = 0;
  for (let r = 0; r < groups.length; r++) if (groups[r] >= 0 && times[r] === times[r]) order[k++] = r;
  order.sort((a, b) => groups[a] - groups[b] || times[a] - times[b] || a - b);
  return order;
}
