import { WorkbenchError } from '../errors.ts';
import type { ModelEntry } from '../models/model-entry.ts';
import type { Preprocessor } from './preprocess.ts';

/**
 * Refuses feature values too large to compute with, naming the column,
 * before they turn into a silently zeroed feature or a NaN deep inside
 * training: a column whose mean or spread overflows (values near ±1e308
 * cannot be standardized), or a preprocessed value beyond what the model
 * kind computes with safely (`entry.inputLimit`).
 *
 * @throws WorkbenchError `train.extreme_values`
 */
export function checkInputScale(
  pre: Preprocessor,
  train: { x: Float64Array; rows: number },
  entry: ModelEntry,
  standardized: boolean,
): void {
  for (const step of pre.steps) {
    if (step.kind === 'numeric' && ![step.fill, step.center, step.scale].every(Number.isFinite))
      throw overflow(step.name);
  }
  const { x, rows } = train;
  const width = pre.outputNames.length;
  // A standardized training value lies within √n of the mean; anything further means its statistics overflowed.
  const zLimit = standardized ? Math.sqrt(rows) + 1 : Infinity;
  const limits = new Float64Array(width).fill(Infinity);
  let offset = 0;
  for (const step of pre.steps) {
    if (step.kind === 'numeric') limits[offset++] = zLimit;
    else offset += step.categories.length;
  }
  for (let i = 0; i < x.length; i++) {
    if (Math.abs(x[i]) > limits[i % width]) throw overflow(pre.outputNames[i % width]);
    if (Math.abs(x[i]) > entry.inputLimit) {
      throw new WorkbenchError(
        'train.extreme_values',
        `Column "${pre.outputNames[i % width]}" holds ${x[i]} after preprocessing, beyond ±${entry.inputLimit.toExponential(0)}, the largest ${entry.label} computes with safely. Turn on standardization, rescale the column (e.g. take a log), or leave it out of the features.`,
      );
    }
  }
}

function overflow(column: string): WorkbenchError {
  return new WorkbenchError(
    'train.extreme_values',
    `Column "${column}" has values so large (around 1e154 or beyond) that its mean or spread overflows double precision, so it cannot be imputed or standardized. Rescale the column (e.g. divide it by a power of ten or take a log) or leave it out of the features.`,
  );
}
