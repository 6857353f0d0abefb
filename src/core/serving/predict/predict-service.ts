import type { DataTable } from '../../data/types.ts';
import { WorkbenchError } from '../../errors.ts';
import type { TfRuntime } from '../../models/tf-runtime.ts';
import type { WorkspaceStore } from '../../ports.ts';
import { readRegistry } from '../../registry/registry-snapshot.ts';
import type { ModelVersion } from '../../registry/registry-types.ts';
import type { LatencySummary } from '../statistics/percentile.ts';
import { explainRow, type RowExplanation } from './explain-row.ts';
import { measureLatency } from './measure-latency.ts';
import { parseModelRef, resolveModelRef } from './model-ref.ts';
import { scoreTable, type ScoredTable } from './score-table.ts';
import { loadServingModel } from './serving-model.ts';

/** What scoring a table with a registered version gives. */
export interface PredictResult {
  version: ModelVersion;
  scored: ScoredTable;
  latency: LatencySummary | null;
  /** Set when a row was asked to be explained. */
  explanation: RowExplanation | null;
}

export interface PredictOptions {
  /** Monotonic milliseconds, for latency. */
  clock: () => number;
  /** 0-based row to explain, or null. */
  explain?: number | null;
  onProgress?: (done: number, total: number) => void;
  /** TF.js, for an MLP. */
  tf?: TfRuntime | null;
}

/**
 * Scores a table with the version `reference` names (`name`, `name@3`,
 * `name@Production`, `name@champion`), measures single-row latency on its
 * rows, and explains one row when asked. The model is loaded once and
 * released at the end.
 *
 * @example
 * const { scored, latency } = await predictWithRegistry(store, 'iris@Production', table, { clock: () => performance.now() });
 */
export async function predictWithRegistry(
  store: WorkspaceStore,
  reference: string,
  table: DataTable,
  options: PredictOptions,
): Promise<PredictResult> {
  const version = resolveModelRef(await readRegistry(store), parseModelRef(reference));
  const model = await loadServingModel(store, version, options.tf ?? null);
  try {
    const scored = await scoreTable(model, table, options.onProgress);
    const latency = await measureLatency(model, table, { clock: options.clock });
    const row = options.explain ?? null;
    let explanation: RowExplanation | null = null;
    if (row !== null) {
      if (!(Number.isInteger(row) && row >= 0 && row < table.rowCount)) {
        throw new WorkbenchError(
          'serving.bad_row',
          `Row ${row} is not in the data. Pick a 0-based data row from 0 to ${table.rowCount - 1}.`,
        );
      }
      explanation = await explainRow(model, (await store.getBlob(version.artifactBlob))!, table, row);
    }
    return { version, scored, latency, explanation };
  } finally {
    model.predictor.dispose();
  }
}
