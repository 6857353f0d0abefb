import { WorkbenchError } from '../errors.ts';
import type { BaseModelSpec, DataShape, ModelEntry } from './model-entry.ts';

/**
 * The most memory one training run may use: 1.5 GB, what a browser tab can
 * count on (Chromium caps a tab's JavaScript heap near 4 GB on 64-bit, and
 * typed arrays and WASM memory come out of the same process). The CLI uses
 * the same budget, so a spec that runs in one runs in the other.
 */
export const MEMORY_BUDGET_BYTES = 1.5e9;

/** The most trainable parameters a model may have, whatever the data (50 million: ~1 GB of float32 training state). */
export const MAX_PARAMETERS = 50_000_000;

/** Bytes of the preprocessed rows (float64) the pipeline holds for training and evaluation. */
export function dataBytes(rows: number, width: number): number {
  return rows * width * 8;
}

/**
 * Refuses a model that will not fit: more than {@link MAX_PARAMETERS}
 * parameters, or an estimated peak (the preprocessed data plus the model's
 * own estimate) over the budget. The message gives the estimate and what to
 * change.
 *
 * @throws WorkbenchError `train.too_large`
 */
export function checkModelFits(
  entry: ModelEntry,
  spec: BaseModelSpec,
  shape: DataShape & { totalRows: number },
  budget = MEMORY_BUDGET_BYTES,
): void {
  const size = entry.estimate(spec, shape);
  const data = dataBytes(shape.totalRows, shape.width);
  const total = data + size.bytes;
  if (size.parameters > MAX_PARAMETERS) {
    throw new WorkbenchError(
      'train.too_large',
      `This ${entry.label} would have ${size.parameters.toLocaleString('en-US')} parameters for ${shape.width} input columns, more than the ${MAX_PARAMETERS.toLocaleString('en-US')} the workbench trains. Use fewer or smaller layers, or fewer feature columns.`,
    );
  }
  if (total > budget) {
    throw new WorkbenchError(
      'train.too_large',
      `This run would need about ${gb(total)} GB (data ${gb(data)} GB for ${shape.totalRows.toLocaleString('en-US')} rows × ${shape.width.toLocaleString('en-US')} columns, model ${gb(size.bytes)} GB), more than the ${gb(budget)} GB a run may use in a browser tab. Use fewer rows or feature columns (categories with many values expand into many columns), or a smaller model.`,
    );
  }
}

function gb(bytes: number): string {
  return (bytes / 1e9).toFixed(bytes < 1e8 ? 2 : 1);
}

/**
 * A size for messages: MB below a gigabyte, else GB.
 *
 * @example
 * formatBytes(1.5e9); // '1.5 GB'
 * formatBytes(2.5e5); // '0.3 MB'
 */
export function formatBytes(bytes: number): string {
  return bytes < 1e9 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e9).toFixed(1)} GB`;
}
