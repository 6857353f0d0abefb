import { stepWidth, type Preprocessor } from '../../train/preprocess.ts';
import type { InputSignature } from '../registry-types.ts';
import { invalidModel } from '../../models/imported-model-checks.ts';

/** Most one-hot categories per input the example rows cycle through. */
const MAX_CATEGORY_ROWS = 20;
/** Standard deviations of the example numeric values, after the row of fill values. */
const OFFSETS = [-2, -1, 1, 2];

/**
 * Example rows made from the signature's inputs as the preprocessing sees
 * them, already transformed: the first row is every input's fill value
 * (what a row of missing cells becomes), then numeric inputs at ±1 and ±2
 * standard deviations from their center while categorical inputs cycle
 * through their categories. Row-major, `pre.outputNames.length` wide.
 */
export function exampleRows(pre: Preprocessor): { x: Float64Array; rows: number } {
  const categories = pre.steps.map((s) => (s.kind === 'categorical' ? s.categories.length : 0));
  const most = categories.reduce((m, k) => Math.max(m, k), 0);
  const rows = 1 + Math.max(OFFSETS.length, Math.min(MAX_CATEGORY_ROWS, most));
  const width = pre.outputNames.length;
  const x = new Float64Array(rows * width);
  for (let r = 0; r < rows; r++) {
    let at = r * width;
    for (const step of pre.steps) {
      if (step.kind === 'numeric') {
        x[at++] = r === 0 ? (step.fill - step.center) / step.scale : OFFSETS[(r - 1) % OFFSETS.length];
        continue;
      }
      const k = r === 0 ? step.categories.indexOf(step.fill) : (r - 1) % Math.max(1, step.categories.length);
      if (k >= 0 && k < step.categories.length) x[at + k] = 1;
      at += stepWidth(step);
    }
  }
  return { x, rows };
}

/**
 * Checks what a model predicted for the example rows: the right number of
 * outputs, every one finite, and for classification probabilities within
 * 0…1 that sum to 1 in each row (to float32 precision).
 */
export function checkSmokePrediction(
  files: string,
  output: ArrayLike<number>,
  rows: number,
  signature: InputSignature,
): void {
  const classes = signature.task === 'classification' ? signature.target.labels.length : 1;
  const where = `a smoke prediction on ${rows} rows made from signature.json and preprocessing.json`;
  if (output.length !== rows * classes)
    throw invalidModel(files, `${where} gives ${output.length} values instead of ${rows} × ${classes}`);
  for (let i = 0; i < output.length; i++)
    if (!Number.isFinite(output[i]))
      throw invalidModel(files, `${where} gives a value that is not a finite number (row ${Math.floor(i / classes)})`);
  if (signature.task !== 'classification') return;
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let k = 0; k < classes; k++) {
      const p = output[r * classes + k];
      if (p < -1e-6 || p > 1 + 1e-6) throw invalidModel(files, `${where} gives a probability of ${p} (row ${r})`);
      sum += p;
    }
    if (Math.abs(sum - 1) > 1e-4)
      throw invalidModel(files, `${where} gives probabilities that sum to ${sum} instead of 1 (row ${r})`);
  }
}
