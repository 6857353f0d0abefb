import type { DriftFunction } from '../drift-port.ts';
import { computeDriftReport } from './drift-report.ts';
import { SortedCache } from './sorted-cache.ts';

/**
 * The drift report as the monitor's port, with one sort cache for all the
 * windows it is called for: the training reference is the same table in
 * every window, so its columns are sorted once per monitoring run instead
 * of once per window.
 *
 * @example
 * await monitorModel(store, input, { drift: cachedDriftFunction() });
 */
export function cachedDriftFunction(cache = new SortedCache()): DriftFunction {
  return (reference, current, options) => computeDriftReport(reference, current, options, { cache });
}
