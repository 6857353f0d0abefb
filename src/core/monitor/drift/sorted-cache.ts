import { sortedFiniteValues } from './sorted-values.ts';

/**
 * Remembers the sorted finite values of each column array it has sorted, so
 * the reference is sorted once for all the windows of a monitoring run (and
 * once for both the report and the dashboard's histograms). Keys are the
 * arrays themselves, held weakly: a dropped table frees its entries. The
 * arrays must not change while the cache lives (tables are never mutated).
 *
 * @example
 * const cache = new SortedCache();
 * for (const window of windows) computeDriftReport(reference, window, {}, { cache });
 */
export class SortedCache {
  readonly #sorted = new WeakMap<Float64Array, Float64Array>();
  /** How many sorts it saved (for the bench and tests). */
  hits = 0;

  sorted(values: Float64Array): Float64Array {
    const known = this.#sorted.get(values);
    if (known) {
      this.hits++;
      return known;
    }
    const sorted = sortedFiniteValues(values);
    this.#sorted.set(values, sorted);
    return sorted;
  }
}

/** How a drift computation sorts: through a cache when given one, else afresh. */
export function sortWith(cache: SortedCache | undefined): (values: Float64Array) => Float64Array {
  return cache ? (values) => cache.sorted(values) : sortedFiniteValues;
}
