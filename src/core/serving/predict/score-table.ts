import { cellText, isNumericColumn, type DataTable } from '../../data/types.ts';
import { argmaxRows } from '../../models/argmax-rows.ts';
import { transform } from '../../train/preprocess.ts';
import { conformTable } from './conform-table.ts';
import type { ServingModel } from './serving-model.ts';

/** Predictions for every row of a table, in the shape `train --predictions` writes. */
export interface ScoredTable {
  task: ServingModel['task'];
  labels: string[];
  /** 0-based data-row index of each prediction. */
  rows: Int32Array;
  /** Class index (classification) or value (regression) per row. */
  predicted: Float64Array;
  /** Class probabilities, rows × labels, row-major; null for regression. */
  proba: Float64Array | null;
  /** The target column's cells as written, when the data has it ('' where missing); else null. */
  actual: string[] | null;
  /** Cells of categorical inputs whose category the model never saw (they encode as all zeros, as in training). */
  unknownCategories: number;
}

/** Rows scored per call of the model: small enough to report progress and to bound memory. */
export const SCORE_BATCH = 4096;

/**
 * Scores every row of `table` with a loaded version: the columns are
 * checked against its signature (see {@link conformTable}), transformed by
 * its fitted preprocessing and predicted in batches. The same model and rows
 * give exactly the values training's held-out predictions held.
 *
 * @param onProgress called with rows done after each batch
 */
export async function scoreTable(
  model: ServingModel,
  table: DataTable,
  onProgress?: (done: number, total: number) => void,
): Promise<ScoredTable> {
  const input = conformTable(table, model.version.signature);
  const n = table.rowCount;
  const k = model.labels.length;
  const classification = model.task === 'classification';
  const predicted = new Float64Array(n);
  const proba = classification ? new Float64Array(n * k) : null;
  let unknownCategories = 0;
  for (let start = 0; start < n; start += SCORE_BATCH) {
    const rows = Int32Array.from({ length: Math.min(SCORE_BATCH, n - start) }, (_, i) => start + i);
    const { x, unknownCategories: unknown } = transform(model.preprocessor, input, rows);
    unknownCategories += unknown;
    const output = await model.predictor.predict(x, rows.length);
    if (proba) {
      proba.set(output, start * k);
      predicted.set(argmaxRows(output, k), start);
    } else predicted.set(output, start);
    onProgress?.(start + rows.length, n);
  }
  return {
    task: model.task,
    labels: model.labels,
    rows: Int32Array.from({ length: n }, (_, i) => i),
    predicted,
    proba,
    actual: actualCells(table, model),
    unknownCategories,
  };
}

function actualCells(table: DataTable, model: ServingModel): string[] | null {
  const target = table.columns.find((c) => c.name === model.version.signature.target.name);
  if (!target) return null;
  // Training writes regression targets with String(value); class labels as their text.
  if (model.task === 'regression' && isNumericColumn(target))
    return Array.from(target.values, (v) => (Number.isNaN(v) ? '' : String(v)));
  return Array.from({ length: table.rowCount }, (_, r) => cellText(target, r));
}
