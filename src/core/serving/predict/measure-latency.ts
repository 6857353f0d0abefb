import type { DataTable } from '../../data/types.ts';
import { transform } from '../../train/preprocess.ts';
import { latencySummary, type LatencySummary } from '../statistics/percentile.ts';
import { conformTable } from './conform-table.ts';
import type { ServingModel } from './serving-model.ts';

export interface LatencyOptions {
  /** Monotonic milliseconds (performance.now). */
  clock: () => number;
  /** Single-row requests timed (default 200, cycling over the table's rows). */
  samples?: number;
  /** Untimed requests first, so JIT compilation and lazy set-up are not counted (default 20). */
  warmup?: number;
}

/**
 * Single-row request latency of a loaded version: each request is one row
 * transformed and predicted on its own, as a live endpoint would see it —
 * not the per-row share of a batch. p50 and p95 of the timed requests.
 *
 * @example
 * await measureLatency(model, table, { clock: () => performance.now() }); // { count: 200, p50: 0.04, p95: 0.09 }
 */
export async function measureLatency(
  model: ServingModel,
  table: DataTable,
  options: LatencyOptions,
): Promise<LatencySummary | null> {
  if (table.rowCount === 0) return null;
  const input = conformTable(table, model.version.signature);
  const samples = options.samples ?? 200;
  const warmup = options.warmup ?? 20;
  const times = new Float64Array(samples);
  for (let i = 0; i < warmup + samples; i++) {
    const row = Int32Array.of(i % table.rowCount);
    const started = options.clock();
    await model.predictor.predict(transform(model.preprocessor, input, row).x, 1);
    if (i >= warmup) times[i - warmup] = options.clock() - started;
  }
  return latencySummary(times);
}
