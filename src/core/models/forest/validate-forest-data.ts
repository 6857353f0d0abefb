import { WorkbenchError } from '../../errors.ts';
import type { ForestData } from './forest-types.ts';

/**
 * Checks that training data keeps the input contract: matching sizes, finite
 * features (missing values imputed before), class indices in range, finite
 * regression targets. Cheap next to training, and it turns a silent wrong
 * tree into a message that says what to fix.
 */
export function validateForestData(data: ForestData): void {
  const { x, rows, features } = data;
  if (!Number.isInteger(rows) || rows < 1) fail(`it has ${rows} rows; train on at least one row.`);
  if (!Number.isInteger(features) || features < 1)
    fail(`it has ${features} features; select at least one feature column.`);
  if (x.length !== rows * features) {
    fail(
      `x holds ${x.length} values but ${rows} rows × ${features} features need ${rows * features}; pass a row-major matrix.`,
    );
  }
  if (data.y.length !== rows) fail(`y holds ${data.y.length} values for ${rows} rows; give one target per row.`);
  checkFiniteMatrix(x, features);
  if (data.task === 'classification') {
    const { y, classCount } = data;
    if (!Number.isInteger(classCount) || classCount < 1) fail(`classCount is ${classCount}; it must be 1 or more.`);
    for (let r = 0; r < rows; r++) {
      if (y[r] < 0 || y[r] >= classCount) {
        fail(`y[${r}] is ${y[r]}, outside the classes 0..${classCount - 1}; encode the target as class indices.`);
      }
    }
  } else {
    const { y } = data;
    for (let r = 0; r < rows; r++) {
      if (!Number.isFinite(y[r]))
        fail(`y[${r}] is ${y[r]}; drop or fill rows whose target is missing before training.`);
    }
  }
}

/** Rejects a NaN or infinite value, naming its row and feature. */
export function checkFiniteMatrix(x: Float64Array, features: number): void {
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      const row = Math.floor(i / features);
      fail(
        `x at row ${row}, feature ${i - row * features} is ${x[i]}; impute missing values before the forest sees them.`,
      );
    }
  }
}

function fail(message: string): never {
  throw new WorkbenchError('forest.invalid_data', `Random forest data: ${message}`);
}
