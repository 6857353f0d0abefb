import { WorkbenchError } from '../errors.ts';
import { cellText, isNumericColumn, type Column, type DataTable } from '../data/types.ts';
import { MAX_ONE_HOT_CATEGORIES } from './data-limits.ts';
import { DEFAULT_FILL, type PreprocessingSpec } from './pipeline-spec.ts';

export interface NumericStep {
  kind: 'numeric';
  name: string;
  /** Imputed for missing cells (the spec's statistic of the training rows, or its constant). */
  fill: number;
  center: number;
  scale: number;
}

export interface CategoricalStep {
  kind: 'categorical';
  name: string;
  /** Imputed for missing cells: the most frequent training value, or the spec's constant. */
  fill: string;
  /** One output column per kept category (sorted); without `other`, unseen values encode as all zeros. */
  categories: string[];
  /**
   * Present when the feature had more training categories than
   * {@link MAX_ONE_HOT_CATEGORIES}: one more output column, after
   * `categories`, is 1 for every other value — rare in training or unseen.
   * `folded` counts the training categories it stands for, `rows` the
   * training rows that had one of them.
   */
  other?: { folded: number; rows: number };
}

/** Fitted preprocessing: plain JSON, stored with the run and reused at prediction time. */
export interface Preprocessor {
  steps: (NumericStep | CategoricalStep)[];
  /** Names of the output columns (`x`, or `color=red` for one-hot). */
  outputNames: string[];
}

/**
 * Fits imputation, standardisation and one-hot encoding on the training rows
 * only, so nothing about the test rows leaks into the model. A categorical
 * feature keeps at most `maxCategories` categories one-hot (the most
 * frequent) and puts the rest in one "other" column, as scikit-learn's
 * `OneHotEncoder(max_categories=maxCategories + 1, handle_unknown="infrequent_if_exist")`.
 */
export function fitPreprocessor(
  table: DataTable,
  features: string[],
  trainRows: Int32Array,
  spec: PreprocessingSpec,
  maxCategories = MAX_ONE_HOT_CATEGORIES,
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
    return fitCategorical(column, trainRows, maxCategories, spec);
  });
  const outputNames = steps.flatMap((s) =>
    s.kind === 'numeric'
      ? [s.name]
      : [...s.categories.map((c) => `${s.name}=${c}`), ...(s.other ? [`${s.name}=${OTHER}`] : [])],
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
    const impute = spec.numeric.impute;
    if (impute === 'mean') fill = mean;
    else if (impute === 'most_frequent') fill = mostFrequent(present);
    else if (impute === 'constant') fill = spec.numeric.fill ?? DEFAULT_FILL.numeric;
    else fill = median(present); // median, and drop (whose rows are gone; serving fills with the median)
  } else if (spec.numeric.impute === 'constant') fill = spec.numeric.fill ?? DEFAULT_FILL.numeric;
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

/** The name of the "other" output column's category: `city=(other)`. */
export const OTHER = '(other)';

/** How many output columns a step makes. */
export function stepWidth(step: NumericStep | CategoricalStep): number {
  return step.kind === 'numeric' ? 1 : step.categories.length + (step.other ? 1 : 0);
}

function fitCategorical(
  column: Column & { codes: Int32Array; dictionary: string[] },
  rows: Int32Array,
  maxCategories: number,
  spec: PreprocessingSpec,
): CategoricalStep {
  const counts = new Map<number, number>();
  let missing = 0;
  for (const r of rows) {
    const code = column.codes[r];
    if (code >= 0) counts.set(code, (counts.get(code) ?? 0) + 1);
    else missing++;
  }
  const byValue = new Map<string, number>();
  for (const [code, count] of counts) {
    const value = column.dictionary[code];
    byValue.set(value, (byValue.get(value) ?? 0) + count);
  }
  const constant = spec.categorical.impute === 'constant';
  if (constant && missing > 0) {
    const fill = spec.categorical.fill ?? DEFAULT_FILL.categorical;
    byValue.set(fill, (byValue.get(fill) ?? 0) + missing);
  }
  const sorted = [...byValue.keys()].sort();
  let fill = sorted[0] ?? '';
  let best = -1;
  for (const [value, count] of byValue) {
    if (count > best || (count === best && value < fill)) {
      best = count;
      fill = value;
    }
  }
  if (constant) fill = spec.categorical.fill ?? DEFAULT_FILL.categorical;
  // Missing cells are imputed before encoding, so they count for the fill value.
  else if (missing > 0 && byValue.size > 0) byValue.set(fill, best + missing);
  if (sorted.length <= maxCategories) return { kind: 'categorical', name: column.name, fill, categories: sorted };
  // The least frequent fold into "other"; on a tie the alphabetically earlier one folds (sklearn's stable argsort).
  const ascending = sorted.map((value, i) => ({ i, count: byValue.get(value)! }));
  ascending.sort((a, b) => a.count - b.count || a.i - b.i);
  const folded = new Uint8Array(sorted.length);
  let foldedRows = 0;
  for (let k = 0; k < sorted.length - maxCategories; k++) {
    folded[ascending[k].i] = 1;
    foldedRows += ascending[k].count;
  }
  return {
    kind: 'categorical',
    name: column.name,
    fill,
    categories: sorted.filter((_, i) => !folded[i]),
    other: { folded: sorted.length - maxCategories, rows: foldedRows },
  };
}

/**
 * Applies a fitted preprocessor to some rows of a table, giving a dense
 * row-major matrix. A category not kept goes to the step's "other" column
 * when it has one; otherwise (a category not seen in training) it becomes an
 * all-zero row of its one-hot block and is counted in `unknownCategories`.
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
        if (k !== undefined) x[i * width + offset + k] = 1;
        else if (step.other) x[i * width + offset + step.categories.length] = 1;
        else unknownCategories++;
      }
      offset += stepWidth(step);
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

/** The most frequent value, the smallest on a tie (as scikit-learn's SimpleImputer). */
function mostFrequent(values: number[]): number {
  const sorted = Float64Array.from(values).sort();
  let best = sorted[0];
  let bestRun = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    if (j - i > bestRun) {
      bestRun = j - i;
      best = sorted[i];
    }
    i = j;
  }
  return best;
}

function median(values: number[]): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
