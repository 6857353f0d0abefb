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
export function checkInputScale(pre: Preprocessor, x: Float64Array, entry: ModelEntry): void {
  for (const step of pre.steps) {
    if (step.kind === 'numeric' && ![step.fill, step.center, step.scale].every(Number.isFinite)) {
      throw new WorkbenchError(
        'train.extreme_values',
        `Column "${step.name}" has values so large (around 1e154 or beyond) that its mean or spread overflows double precision, so it cannot be imputed or standardized. Rescale the column (e.g. divide it by a power of ten or take a log) or leave it out of the features.`,
      );
    }
  }
  const width = pre.outputNames.length;
  for (let i = 0; i < x.length; i++) {
    if (Math.abs(x[i]) > entry.inputLimit) {
      throw new WorkbenchError(
        'train.extreme_values',
        `Column "${pre.outputNames[i % width]}" holds ${x[i]} after preprocessing, beyond ±${entry.inputLimit.toExponential(0)}, the largest ${entry.label} computes with safely. Turn on standardization, rescale the column (e.g. take a log), or leave it out of the features.`,
      );
    }
  }
}
