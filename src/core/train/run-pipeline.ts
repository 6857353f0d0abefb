import type { ColumnSchema, DataTable } from '../data/types.ts';
import { WorkbenchError } from '../errors.ts';
import {
  classificationReport,
  regressionReport,
  type ClassificationReport,
  type RegressionReport,
} from '../metrics/index.ts';
import { argmaxRows } from '../models/argmax-rows.ts';
import { MODEL_CATALOGUE, modelEntry, type ModelCatalogue } from '../models/catalogue.ts';
import { MEMORY_BUDGET_BYTES, checkModelFits } from '../models/memory-budget.ts';
import type { BaseArtifact, BaseModelSpec } from '../models/model-entry.ts';
import type { TfRuntime } from '../models/tf-runtime.ts';
import { seededRng, type Rng } from '../random/rng.ts';
import { assignFolds, meanStd } from './cross-validation.ts';
import { permutationImportance, type FeatureImportance, type ImportanceSample } from './permutation-importance.ts';
import type { PipelineSpec, Task } from './pipeline-spec.ts';
import { OTHER, fitPreprocessor, transform, type Preprocessor } from './preprocess.ts';
import { hasTarget, pipelineSplit } from './pipeline-split.ts';
import { checkInputScale } from './input-scale.ts';
import {
  openPredictor,
  trainModel,
  type Predictor,
  type TrainModelOptions,
  type TrainProgress,
} from './train-model.ts';
import { resolveTrainingData, type TrainingData } from './training-data.ts';
import { validatePipelineSpec } from './validate-spec.ts';

/** Everything a finished run produced. */
export interface RunOutcome {
  task: Task;
  labels: string[];
  features: string[];
  preprocessor: Preprocessor;
  model: BaseArtifact;
  split: { train: number; test: number };
  metrics: ClassificationReport | RegressionReport;
  /** Held-out rows: data-row index, actual and predicted (class index or value), probabilities (rows × classes). */
  predictions: { rows: Int32Array; actual: Float64Array; predicted: Float64Array; proba: Float64Array | null };
  importance: FeatureImportance[];
  /** The held-out rows importance re-scored (a sample of a large test set) and its repeats. */
  importanceSample: ImportanceSample;
  crossValidation: { folds: number; metric: string; scores: number[]; mean: number; std: number } | null;
  /** Things the user should know (e.g. categories unseen in training). */
  warnings: string[];
  trainMs: number;
}

export interface RunDeps {
  /** Milliseconds from a monotonic clock, for durations. */
  clock: () => number;
  /** TF.js and the backend an adapter chose, for kinds that run on it (the MLP). */
  tf?: TfRuntime | null;
  /** The model kinds to choose from; the workbench's own by default. */
  catalogue?: ModelCatalogue;
  /** The most bytes a run may use; {@link MEMORY_BUDGET_BYTES} by default. */
  memoryBudget?: number;
  onProgress?: (progress: RunProgress) => void;
}

/**
 * What a run reports as it goes: its phase, the model's own training
 * progress, and during evaluation the held-out rows scored and the
 * permutations of the importance done, so no phase is silent.
 */
export type RunProgress =
  | TrainProgress
  | { kind: 'phase'; phase: 'preprocessing' | 'training' | 'evaluating' | 'cross-validating' }
  | { kind: 'steps'; phase: 'scoring' | 'importance'; done: number; total: number };

/** Held-out rows are scored this many at a time, reporting after each chunk. */
const SCORE_CHUNK_ROWS = 2000;

/** Curves are thinned for storage; areas are always computed on the full curves. */
const MAX_CURVE_POINTS = 200;

/**
 * Runs a pipeline spec on a dataset version's table: split (seeded,
 * stratified), preprocessing fitted on the training rows only, training,
 * evaluation on the held-out rows, permutation importance and optional
 * k-fold cross-validation. Pure: the same spec and table give the same
 * outcome (for the MLP, on the same TF.js backend). A model that will not
 * fit the memory budget, or inputs too large for it to compute with, are
 * refused before training.
 */
export async function runPipeline(
  table: DataTable,
  schema: ColumnSchema[],
  specInput: PipelineSpec<BaseModelSpec>,
  deps: RunDeps,
): Promise<RunOutcome> {
  const catalogue = deps.catalogue ?? MODEL_CATALOGUE;
  const spec = validatePipelineSpec<BaseModelSpec>(specInput, catalogue);
  const entry = modelEntry(spec.model.kind, catalogue);
  const memoryBudget = deps.memoryBudget ?? MEMORY_BUDGET_BYTES;
  const models = { tf: deps.tf ?? null, catalogue, memoryBudget };
  const data = resolveTrainingData(table, schema, spec);
  const { split, strata, dropped } = pipelineSplit(table, data, spec);
  const rowWarnings = droppedRowWarnings(table, spec.target, data, dropped);

  if (data.classes) requireEveryClass(data, split.train);
  deps.onProgress?.({ kind: 'phase', phase: 'preprocessing' });
  const pre = fitPreprocessor(table, data.features, split.train, spec.preprocessing);
  const width = pre.outputNames.length;
  checkModelFits(
    entry,
    spec.model,
    {
      task: data.task,
      rows: split.train.length,
      width,
      classCount: data.labels.length,
      totalRows: split.train.length + split.test.length,
    },
    memoryBudget,
  );
  const trainSet = transform(pre, table, split.train);
  const testSet = transform(pre, table, split.test);
  checkInputScale(pre, { x: trainSet.x, rows: split.train.length }, entry, spec.preprocessing.numeric.standardize);

  deps.onProgress?.({ kind: 'phase', phase: 'training' });
  const started = deps.clock();
  const model = await trainModel(spec.model, modelData(data, trainSet.x, split.train, width), {
    ...models,
    rng: seededRng(spec.seed),
    onProgress: deps.onProgress,
  });
  const trainMs = deps.clock() - started;

  deps.onProgress?.({ kind: 'phase', phase: 'evaluating' });
  const predictor = await openPredictor(model, width, models);
  try {
    const output = await predictInChunks(predictor, testSet.x, split.test.length, width, (done, total) =>
      deps.onProgress?.({ kind: 'steps', phase: 'scoring', done, total }),
    );
    const evaluation = evaluate(data, split.test, output);
    const score = async (x: Float64Array, rowsOfX: Int32Array) => {
      const rows = Int32Array.from(rowsOfX, (i) => split.test[i]);
      return scoreOf(data, rows, await predictor.predict(x, rows.length));
    };
    const { importance, sample: importanceSample } = await permutationImportance(
      pre,
      testSet.x,
      split.test.length,
      width,
      score,
      seededRng(spec.seed + 1),
      { onProgress: (done, total) => deps.onProgress?.({ kind: 'steps', phase: 'importance', done, total }) },
    );
    const warnings = [...rowWarnings, ...otherBucketWarnings(pre)];
    if (testSet.unknownCategories > 0) {
      warnings.push(
        `${testSet.unknownCategories} held-out cell${testSet.unknownCategories === 1 ? ' has a category' : 's have categories'} never seen in training; the model ignored ${testSet.unknownCategories === 1 ? 'it' : 'them'}.`,
      );
    }
    const crossValidation = spec.crossValidation ? await crossValidate(table, data, strata, spec, deps, models) : null;
    return {
      task: data.task,
      labels: data.labels,
      features: data.features,
      preprocessor: pre,
      model,
      split: { train: split.train.length, test: split.test.length },
      ...evaluation,
      importance,
      importanceSample,
      crossValidation,
      warnings,
      trainMs,
    };
  } finally {
    predictor.dispose();
  }
}

/** Predicts `rows` rows a chunk at a time, reporting the rows scored after each. */
async function predictInChunks(
  predictor: Predictor,
  x: Float64Array,
  rows: number,
  width: number,
  onProgress: (done: number, total: number) => void,
): Promise<Float64Array> {
  if (rows <= SCORE_CHUNK_ROWS) {
    const output = await predictor.predict(x, rows);
    onProgress(rows, rows);
    return output;
  }
  const parts: Float64Array[] = [];
  for (let start = 0; start < rows; start += SCORE_CHUNK_ROWS) {
    const end = Math.min(rows, start + SCORE_CHUNK_ROWS);
    parts.push(await predictor.predict(x.subarray(start * width, end * width), end - start));
    onProgress(end, rows);
  }
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Says which features had their rare categories folded into one "other" column. */
function otherBucketWarnings(pre: Preprocessor): string[] {
  return pre.steps.flatMap((s) =>
    s.kind === 'categorical' && s.other
      ? [
          `Column "${s.name}" has ${(s.categories.length + s.other.folded).toLocaleString('en')} categories in the training rows: the ${s.categories.length} most frequent are one-hot encoded and the other ${s.other.folded.toLocaleString('en')} (in ${s.other.rows.toLocaleString('en')} training rows) share one "${OTHER}" column. Group or recode rare values yourself if some of them matter.`,
        ]
      : [],
  );
}

/**
 * Class per row for classification; 0 for every labelled row in regression;
 * −1 where the target is missing or `drop` imputation leaves the row out.
 */
/** Says how many rows training left out and why, so no row disappears silently. */
function droppedRowWarnings(table: DataTable, target: string, data: TrainingData, dropped: Uint8Array): string[] {
  const warnings: string[] = [];
  const noTarget = table.rowCount - data.rowsWithTarget;
  const rows = (n: number) => `${n.toLocaleString('en')} row${n === 1 ? '' : 's'}`;
  if (noTarget > 0)
    warnings.push(
      `${rows(noTarget)} of ${table.rowCount.toLocaleString('en')} ${noTarget === 1 ? 'has' : 'have'} no value for the target "${target}" and ${noTarget === 1 ? 'was' : 'were'} left out of training and testing.`,
    );
  let missingFeature = 0;
  for (let r = 0; r < dropped.length; r++) if (dropped[r] && hasTarget(data, r)) missingFeature++;
  if (missingFeature > 0)
    warnings.push(
      `${rows(missingFeature)} with a missing feature value ${missingFeature === 1 ? 'was' : 'were'} dropped, as the imputation setting "drop the rows" asks.`,
    );
  return warnings;
}

/** A class with no training rows cannot be learnt; say so in terms of the split. */
function requireEveryClass(data: TrainingData, train: Int32Array): void {
  const seen = new Uint8Array(data.labels.length);
  for (const r of train) seen[data.classes![r]] = 1;
  const missing = data.labels.filter((_, k) => !seen[k]);
  if (missing.length > 0) {
    throw new WorkbenchError(
      'split.class_missing',
      `The training rows hold no example of ${missing.map((m) => `"${m}"`).join(', ')}, so the model cannot learn ${missing.length === 1 ? 'that class' : 'those classes'}. Use a stratified random split, or put some of ${missing.length === 1 ? 'its' : 'their'} rows in the training set.`,
    );
  }
}

function modelData(data: TrainingData, x: Float64Array, rows: Int32Array, width: number) {
  const y = data.classes
    ? Int32Array.from(rows, (r) => data.classes![r])
    : Float64Array.from(rows, (r) => data.values![r]);
  return { task: data.task, x, rows: rows.length, width, y, classCount: data.labels.length };
}

function evaluate(
  data: TrainingData,
  rows: Int32Array,
  output: Float64Array,
): Pick<RunOutcome, 'metrics' | 'predictions'> {
  if (!data.classes) {
    const actual = Float64Array.from(rows, (r) => data.values![r]);
    return { metrics: regressionReport(actual, output), predictions: { rows, actual, predicted: output, proba: null } };
  }
  const k = data.labels.length;
  const yTrue = Int32Array.from(rows, (r) => data.classes![r]);
  const yPred = argmaxRows(output, k);
  const metrics = classificationReport(
    { labels: data.labels, yTrue, yPred, proba: output },
    { maxCurvePoints: MAX_CURVE_POINTS },
  );
  return {
    metrics,
    predictions: { rows, actual: Float64Array.from(yTrue), predicted: Float64Array.from(yPred), proba: output },
  };
}

/** Accuracy (classification) or R² (regression): the score permutation importance and CV report. */
function scoreOf(data: TrainingData, rows: Int32Array, output: Float64Array): number {
  if (!data.classes)
    return regressionReport(
      Float64Array.from(rows, (r) => data.values![r]),
      output,
    ).r2;
  const yPred = argmaxRows(output, data.labels.length);
  let correct = 0;
  rows.forEach((r, i) => (correct += data.classes![r] === yPred[i] ? 1 : 0));
  return correct / rows.length;
}

async function crossValidate(
  table: DataTable,
  data: TrainingData,
  strata: Int32Array,
  spec: PipelineSpec<BaseModelSpec>,
  deps: RunDeps,
  models: Omit<TrainModelOptions, 'rng'>,
): Promise<RunOutcome['crossValidation']> {
  const folds = spec.crossValidation!.folds;
  deps.onProgress?.({ kind: 'phase', phase: 'cross-validating' });
  const rng: Rng = seededRng(spec.seed + 2);
  const fold = assignFolds(data.task === 'classification' ? strata : strata.map((s) => (s >= 0 ? 0 : -1)), folds, rng);
  const scores: number[] = [];
  for (let f = 0; f < folds; f++) {
    const train = rowsWhere(fold, (g) => g >= 0 && g !== f);
    const test = rowsWhere(fold, (g) => g === f);
    const pre = fitPreprocessor(table, data.features, train, spec.preprocessing);
    const width = pre.outputNames.length;
    const model = await trainModel(spec.model, modelData(data, transform(pre, table, train).x, train, width), {
      ...models,
      rng: seededRng(spec.seed + 10 + f),
    });
    const predictor = await openPredictor(model, width, models);
    try {
      scores.push(scoreOf(data, test, await predictor.predict(transform(pre, table, test).x, test.length)));
    } finally {
      predictor.dispose();
    }
  }
  return { folds, metric: data.task === 'classification' ? 'accuracy' : 'r2', scores, ...meanStd(scores) };
}

function rowsWhere(values: Int32Array, keep: (value: number) => boolean): Int32Array {
  const rows: number[] = [];
  values.forEach((v, r) => {
    if (keep(v)) rows.push(r);
  });
  return Int32Array.from(rows);
}
