import { WorkbenchError } from '../errors.ts';
import {
  booleanText,
  cellText,
  isNumericColumn,
  type Column,
  type ColumnSchema,
  type ColumnType,
  type DataTable,
} from '../data/types.ts';
import { MAX_CLASSES } from './data-limits.ts';
import type { PipelineSpec, Task } from './pipeline-spec.ts';

/** The target and features of a run, resolved against the data. */
export interface TrainingData {
  task: Task;
  features: string[];
  /** Class labels, sorted as scikit-learn sorts them (classification only). */
  labels: string[];
  /** Class index per table row, −1 where the target is missing (classification). */
  classes: Int32Array | null;
  /** Target value per table row, NaN where missing (regression). */
  values: Float64Array | null;
  /** Rows that have a target value. */
  rowsWithTarget: number;
}

/** Integer targets with at most this many distinct values are classes, not quantities. */
const MAX_INTEGER_CLASSES = 20;

/**
 * Decides the task, the feature columns and the encoded target, and refuses
 * what cannot be trained, saying what to change.
 */
export function resolveTrainingData(
  table: DataTable,
  schema: ColumnSchema[],
  spec: Pick<PipelineSpec, 'target' | 'features' | 'task'>,
): TrainingData {
  const target = table.columns.find((c) => c.name === spec.target);
  if (!target) {
    throw new WorkbenchError(
      'train.no_target',
      `The data has no column "${spec.target}" to predict. Choose one of: ${table.columns.map((c) => c.name).join(', ')}.`,
    );
  }
  const features = spec.features.length > 0 ? spec.features : defaultFeatures(schema, spec.target);
  for (const name of features) {
    if (!table.columns.some((c) => c.name === name)) {
      throw new WorkbenchError(
        'train.missing_column',
        `The spec names a feature column "${name}" that the data does not have. Remove it or pick another column.`,
      );
    }
  }
  if (features.length === 0) {
    throw new WorkbenchError(
      'train.no_features',
      "No column can be used as a feature (numbers, booleans, dates or categories with the role feature). Set at least one column's role to feature.",
    );
  }
  const task = spec.task === 'auto' ? detectTask(target) : spec.task;
  let present = 0;
  const n = table.rowCount;
  for (let r = 0; r < n; r++) if (cellText(target, r) !== '') present++;
  if (present === 0)
    throw new WorkbenchError(
      'train.target_missing',
      `The target "${target.name}" has no values. Choose a target column that is filled in.`,
    );

  if (task === 'regression') {
    if (!isNumericColumn(target) || target.type === 'boolean' || target.type === 'datetime') {
      throw new WorkbenchError(
        'train.target_not_numeric',
        `Regression needs a numeric target, but "${target.name}" is ${target.type}. Choose classification, or a numeric target.`,
      );
    }
    return { task, features, labels: [], classes: null, values: target.values, rowsWithTarget: present };
  }
  const { labels, classes } = encodeClasses(target);
  if (labels.length > MAX_CLASSES) throw tooManyClasses(target, labels.length);
  if (labels.length < 2) {
    throw new WorkbenchError(
      'train.one_class',
      `The target "${target.name}" has only one class ("${labels[0]}"), so there is nothing to tell apart. Choose another target or load data with more classes.`,
    );
  }
  return { task, features, labels, classes, values: null, rowsWithTarget: present };
}

/**
 * Columns a model can read by default: role feature — or role target when
 * the run predicts another column — and not text or identifiers. Works on
 * a schema alone, so the UI can offer the same default without the table.
 */
export function defaultFeatures(schema: ColumnSchema[], target: string): string[] {
  return schema
    .filter((c) => c.name !== target && (c.role === 'feature' || c.role === 'target') && isModelReadable(c.type))
    .map((c) => c.name);
}

/** Free text and identifiers cannot be model inputs as they are. */
export function isModelReadable(type: ColumnType): boolean {
  return type !== 'text' && type !== 'identifier';
}

/**
 * The task a target implies: regression for numbers (and integers with more
 * than 20 distinct values), classification otherwise.
 */
export function taskFor(type: ColumnType, distinct: number): Task {
  if (type === 'number' || type === 'datetime') return 'regression';
  if (type === 'integer') return distinct > MAX_INTEGER_CLASSES ? 'regression' : 'classification';
  return 'classification';
}

function detectTask(target: Column): Task {
  if (target.type !== 'integer') return taskFor(target.type, 0);
  const distinct = new Set<number>();
  for (const v of (target as { values: Float64Array }).values)
    if (!Number.isNaN(v) && distinct.add(v).size > MAX_INTEGER_CLASSES) break;
  return taskFor('integer', distinct.size);
}

function encodeClasses(target: Column): { labels: string[]; classes: Int32Array } {
  const n = isNumericColumn(target) ? target.values.length : target.codes.length;
  const classes = new Int32Array(n).fill(-1);
  if (isNumericColumn(target)) {
    const sorted = [...new Set(Array.from(target.values).filter((v) => !Number.isNaN(v)))].sort((a, b) => a - b);
    const index = new Map(sorted.map((v, i) => [v, i]));
    for (let r = 0; r < n; r++) if (!Number.isNaN(target.values[r])) classes[r] = index.get(target.values[r])!;
    const labels = sorted.map((v) => (target.type === 'boolean' ? booleanText(target, v) : String(v)));
    return { labels, classes };
  }
  const used = new Set<number>();
  for (const code of target.codes) if (code >= 0) used.add(code);
  const labels = [...used].map((code) => target.dictionary[code]).sort();
  const byLabel = new Map(labels.map((l, i) => [l, i]));
  const codeToClass = target.dictionary.map((value) => byLabel.get(value) ?? -1);
  for (let r = 0; r < n; r++) if (target.codes[r] >= 0) classes[r] = codeToClass[target.codes[r]];
  return { labels, classes };
}

function tooManyClasses(target: Column, count: number): WorkbenchError {
  const quantity = isNumericColumn(target) && target.type !== 'boolean';
  return new WorkbenchError(
    'train.too_many_classes',
    `The target "${target.name}" has ${count.toLocaleString('en')} classes; a classifier here learns at most ${MAX_CLASSES}. ` +
      (quantity
        ? 'Its values are numbers: predict it as a quantity with the task "regression", or group its values into fewer classes.'
        : `Group the rare classes into one (e.g. "other") so at most ${MAX_CLASSES} remain, or choose a target with fewer classes; if it is really a quantity, predict it with the task "regression".`),
    { details: { classes: count, max: MAX_CLASSES } },
  );
}
