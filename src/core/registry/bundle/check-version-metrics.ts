import { HEADLINE_METRICS, type MetricRange } from '../../metrics/headline-metrics.ts';
import type { ModelVersion } from '../registry-types.ts';
import { invalidModel, isCount, isFiniteNumber } from '../../models/imported-model-checks.ts';

const keysWith = (range: MetricRange) => new Set(HEADLINE_METRICS.filter((m) => m.range === range).map((m) => m.key));
/** Metrics that are shares, so lie in 0…1. */
const SHARES = keysWith('share');
/** Errors and losses: never negative. */
const NON_NEGATIVE = keysWith('non-negative');
/** R²: 1 at best, unbounded below. */
const AT_MOST_ONE = keysWith('at-most-one');

/**
 * Checks the metrics a bundle reports: each a finite number or null, within
 * the range its definition allows (shares in 0…1, losses ≥ 0, R² ≤ 1), and a
 * whole number of test rows. Values in range may still be made up; the
 * import marks them as reported by the exporter unless it can re-derive them.
 */
export function checkVersionMetrics(version: ModelVersion): void {
  const bad = (why: string) => invalidModel('version.json', why);
  for (const [name, value] of Object.entries(version.metrics)) {
    if (value === null) continue;
    if (!isFiniteNumber(value)) throw bad(`its metric ${name} is ${JSON.stringify(value)}, not a finite number`);
    if (SHARES.has(name) && (value < 0 || value > 1)) throw bad(`its metric ${name} is ${value}, outside 0…1`);
    if (NON_NEGATIVE.has(name) && value < 0) throw bad(`its metric ${name} is ${value}, below 0`);
    if (AT_MOST_ONE.has(name) && value > 1) throw bad(`its metric ${name} is ${value}, above 1`);
  }
  if (!isCount(version.testRows)) throw bad(`its testRows ${JSON.stringify(version.testRows)} is not a row count`);
}
