import { WorkbenchError } from '../../errors.ts';

/**
 * A dense design matrix: `rows × features` numbers, row-major, already
 * imputed, standardized and one-hot encoded (no NaN).
 */
export interface DesignMatrix {
  x: Float64Array;
  rows: number;
  features: number;
}

/** Training data for a classifier: `y[i]` is the class index (0..classCount-1) of row i. */
export interface ClassificationData extends DesignMatrix {
  y: Int32Array;
  classCount: number;
}

/** Training data for a regressor: `y[i]` is the numeric target of row i. */
export interface RegressionData extends DesignMatrix {
  y: Float64Array;
}

/**
 * Throws unless `x` holds exactly rows × features finite numbers.
 * `expectedFeatures`, when given, is the width a fitted model was trained on.
 */
export function checkDesign(m: DesignMatrix, expectedFeatures?: number): void {
  const { x, rows, features } = m;
  if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(features) || features < 1) {
    throw new WorkbenchError(
      'model.bad_shape',
      `The design matrix must have at least one row and one feature (got ${rows} × ${features}). Select feature columns and rows before training.`,
    );
  }
  if (x.length !== rows * features) {
    throw new WorkbenchError(
      'model.bad_shape',
      `The design matrix holds ${x.length} numbers but ${rows} rows × ${features} features need ${rows * features}. Pass the matrix row-major with its true shape.`,
    );
  }
  if (expectedFeatures !== undefined && features !== expectedFeatures) {
    throw new WorkbenchError(
      'model.feature_mismatch',
      `The model was trained on ${expectedFeatures} features but got ${features}. Apply the same fitted preprocessing to the rows you score.`,
    );
  }
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      const row = Math.floor(i / features);
      throw new WorkbenchError(
        'model.non_finite',
        `Row ${row}, feature ${i - row * features} is ${x[i]}. Impute missing values and drop infinite ones before training or scoring.`,
      );
    }
  }
}

/** Throws unless the labels are class indices within range and every class has a row; returns the class counts. */
export function checkClassification(data: ClassificationData): Int32Array {
  checkDesign(data);
  const { y, rows, classCount } = data;
  if (!Number.isInteger(classCount) || classCount < 2) {
    throw new WorkbenchError(
      'model.one_class',
      `A classifier needs at least two classes (got ${classCount}). Pick a target column with two or more distinct values.`,
    );
  }
  if (y.length !== rows) {
    throw new WorkbenchError(
      'model.bad_shape',
      `There are ${rows} rows but ${y.length} labels. Pass one label per row.`,
    );
  }
  const counts = new Int32Array(classCount);
  for (let i = 0; i < rows; i++) {
    const c = y[i];
    if (c < 0 || c >= classCount) {
      throw new WorkbenchError(
        'model.bad_label',
        `Row ${i} has class index ${c}, outside 0..${classCount - 1}. Encode the target as class indices before training.`,
      );
    }
    counts[c]++;
  }
  const missing = counts.indexOf(0);
  if (missing >= 0) {
    throw new WorkbenchError(
      'model.class_missing',
      `Class index ${missing} has no training rows, so its weights have no finite optimum. Use a stratified split, or index the classes from the training rows only.`,
    );
  }
  return counts;
}

/** Throws unless there is one finite target per row. */
export function checkRegression(data: RegressionData): void {
  checkDesign(data);
  if (data.y.length !== data.rows) {
    throw new WorkbenchError(
      'model.bad_shape',
      `There are ${data.rows} rows but ${data.y.length} targets. Pass one target per row.`,
    );
  }
  for (let i = 0; i < data.rows; i++) {
    if (!Number.isFinite(data.y[i])) {
      throw new WorkbenchError(
        'model.non_finite',
        `The target of row ${i} is ${data.y[i]}. Drop rows with a missing target before training a regressor.`,
      );
    }
  }
}

/** Throws unless `value` is a finite number > 0 (or >= 0 with `allowZero`). */
export function checkPositive(name: string, value: number, allowZero = false): void {
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new WorkbenchError(
      'model.bad_parameter',
      `${name} must be a finite number ${allowZero ? '>= 0' : '> 0'} (got ${value}). Set it in the model's hyperparameters.`,
    );
  }
}
