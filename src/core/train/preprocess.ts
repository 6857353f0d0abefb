import { WorkbenchError } from '../errors.ts';
import { cellText, isNumericColumn, type Column, type DataTable } from '../data/types.ts';
import type { PreprocessingSpec } from './pipeline-spec.ts';

export interface NumericStep {
  kind: 'numeric';
  name: string;
  /** Imputed for missing cells (median or mean of the training rows). */
  fill: number;
  center: number;
  scale: number;
}

export interface CategoricalStep {
  kind: 'categorical';
  name: string;
  /** Most frequent training value, imputed for missing cells. */
  fill: string;
  /** One output column per category seen in training; unseen ones encode as all zeros. */
  categories: string[];
}

/** Fitted preprocessing: plain JSON, stored with the run and reused at prediction time. */
export interface Preprocessor {
  steps: (NumericStep | CategoricalStep)[];
  /** Names of the output columns (`x`, or `color=red` for one-hot). */
  outputNames: string[];
}

/**
 * Fits imputation, standardisation and one-hot encoding on the training rows
 * only, so nothing about the test rows leaks into the model.
 */
export function fitPreprocessor(
  table: DataTable,
  features: string[],
  trainRows: Int32Array,
  spec: PreprocessingSpec,
): Preprocessor {
  const steps = features.map((name) => {
    const column = findColumn(table, name);
    if (isNumericColumn(column)) return fitNumeric(column.name, column.values, trainRows, spec);
    if (column.type !== 'category') {
      throw new WorkbenchError(
        'train.unusable_feature',
        `Column "${name}" is ${column.type === 'text' ? 'free text' : 'an identifier'}, which a model cannot use as a feature. Set its role to ignore, or change its type to category.`,
      );
    }
    return fitCategorical(column, trainRows);
  });
  const outputNames = steps.flatMap((s) =>
    s.kind === 'numeric' ? [s.name] : s.categories.map((c) => `${s.name}=${c}`),
  );
  return { steps, outputNames };
}

function fitNumeric(name: string, values: Float64Array, rows: Int32Array, spec: PreprocessingSpec): NumericStep {
  const present: number[] = [];
  for (const r of rows) if (!Number.isNaN(values[r])) present.push(values[r]);
  let fill = 0;
  let mean = 0;
  if (present.length > 0) {
    mean = present.reduce((a, b) => a + b, 0) / present.length;
    fill = spec.numeric.impute === 'mean' ? mean : median(present);
  }
  // Statistics after imputation, as a scikit-learn Pipeline(SimpleImputer, StandardScaler) would see them.
  const n = rows.length;
  const center = (mean * present.length + fill * (n - present.length)) / n;
  let sq = 0;
  for (const v of present) sq += (v - center) ** 2;
  sq += (n - present.length) * (fill - center) ** 2;
  const std = Math.sqrt(sq / n);
  return spec.numeric.standardize
    ? { kind: 'numeric', name, fill, center, scale: std > 0 ? std : 1 }
    : { kind: 'numeric', name, fill, center: 0, scale: 1 };
}

function fitCategorical(
  column: Column & { codes: Int32Array; dictionary: string[] },
  rows: Int32Array,
): CategoricalStep {
  const counts = new Map<number, number>();
  for (const r of rows) {
    const code = column.codes[r];
    if (code >= 0) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const categories = [...counts.keys()].map((code) => column.dictionary[code]).sort();
  let fill = categories[0] ?? '';
  let best = -1;
  for (const [code, count] of counts) {
    const value = column.dictionary[code];
    if (count > best || (count === best && value < fill)) {
      best = count;
      fill = value;
    }
  }
  return { kind: 'categorical', name: column.name, fill, categories };
}

/**
 * Applies a fitted preprocessor to some rows of a table, giving a dense
 * row-major matrix. Categories not seen in training become all-zero rows of
 * their one-hot block and are counted in `unknownCategories`.
 */
export function transform(
  pre: Preprocessor,
  table: DataTable,
  rows: Int32Array,
): { x: Float64Array; width: number; unknownCategories: number } {
  const width = pre.outputNames.length;
  const x = new Float64Array(rows.length * width);
  let unknownCategories = 0;
  let offset = 0;
  for (const step of pre.steps) {
    const column = findColumn(table, step.name);
    if (step.kind === 'numeric') {
      if (!isNumericColumn(column)) throw typeMismatch(step.name, 'numeric');
      for (let i = 0; i < rows.length; i++) {
        const v = column.values[rows[i]];
        x[i * width + offset] = ((Number.isNaN(v) ? step.fill : v) - step.center) / step.scale;
      }
      offset += 1;
    } else {
      const index = new Map(step.categories.map((c, k) => [c, k]));
      for (let i = 0; i < rows.length; i++) {
        const text = isMissingCell(column, rows[i]) ? step.fill : cellText(column, rows[i]);
        const k = index.get(text);
        if (k === undefined) unknownCategories++;
        else x[i * width + offset + k] = 1;
      }
      offset += step.categories.length;
    }
  }
  return { x, width, unknownCategories };
}

function isMissingCell(column: Column, row: number): boolean {
  return isNumericColumn(column) ? Number.isNaN(column.values[row]) : column.codes[row] < 0;
}

function findColumn(table: DataTable, name: string): Column {
  const column = table.columns.find((c) => c.name === name);
  if (!column)
    throw new WorkbenchError(
      'train.missing_column',
      `The data has no column named "${name}". Pick columns that exist in the dataset version.`,
    );
  return column;
}

function typeMismatch(name: string, expected: string): WorkbenchError {
  return new WorkbenchError(
    'train.type_mismatch',
    `Column "${name}" was ${expected} when the model was trained but is not now. Use data with the same schema.`,
  );
}

function median(values: number[]): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
