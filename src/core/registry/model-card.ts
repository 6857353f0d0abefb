import type { DatasetVersion } from '../data/versions/dataset-version.ts';
import { WorkbenchError } from '../errors.ts';
import type { QualityWarning } from '../data/profile/profile-types.ts';
import { wilsonInterval } from '../metrics/confidence-interval.ts';
import type { ClassificationReport, RegressionReport } from '../metrics/index.ts';
import type { PipelineSpec } from '../train/pipeline-spec.ts';
import type { RunRecord } from '../train/run-record.ts';
import { regressionErrorIntervals } from './error-intervals.ts';
import type { InputSignature, ModelVersion } from './registry-types.ts';

/** A confidence interval as a card shows it, with how it was computed. */
export interface CardInterval {
  low: number;
  high: number;
  confidence: number;
  method: string;
}

/** One metric line of a card; `interval` is `null` when none can honestly be given (`note` says why). */
export interface CardMetric {
  name: string;
  value: number | null;
  interval: CardInterval | null;
  note: string | null;
}

/** Everything the workbench knows about a model version, structured for display and export. */
export interface ModelCard {
  title: string;
  model: {
    id: string;
    name: string;
    version: number;
    stage: string;
    aliases: string[];
    kind: string;
    description: string;
    tags: Record<string, string>;
    createdAt: string;
    createdBy: string;
    runId: string;
    runName: string;
    artifactBlob: string;
    artifactBytes: number;
    hyperparameters: { name: string; value: string }[];
  };
  /** `null` when the dataset version is not in the workspace. */
  data: {
    id: string;
    name: string;
    rows: number;
    columns: number;
    createdAt: string;
    qualityWarnings: QualityWarning[];
  } | null;
  datasetVersionId: string;
  split: { method: string; train: number; test: number };
  preprocessing: { column: string; kind: 'numeric' | 'categorical'; description: string }[];
  training: {
    seed: number;
    backend: string | null;
    platform: string;
    tfjsVersion: string;
    workbenchVersion: string;
    trainedAt: string;
    durationMs: number;
  };
  signature: InputSignature;
  metrics: {
    task: 'classification' | 'regression';
    testRows: number;
    headline: CardMetric[];
    /** Classification only: precision and recall of each class with Wilson intervals over their own denominators. */
    perClass: { label: string; support: number; predicted: number; precision: CardMetric; recall: CardMetric }[] | null;
    notes: string[];
  };
  intendedUse: string;
  limitations: string;
}

const CONFIDENCE = 0.95;
const WILSON = 'Wilson score interval';

/**
 * Builds the model card of a version from its run and dataset version.
 * Intervals are 95%: Wilson for accuracy and for each class's precision
 * (over rows predicted as the class) and recall (over rows of the class);
 * for regression, normal-approximation intervals for MAE and RMSE when the
 * run kept every held-out prediction, otherwise none.
 */
export function buildModelCard(input: {
  version: ModelVersion;
  run: RunRecord;
  datasetVersion: DatasetVersion | undefined;
}): ModelCard {
  const { version, run, datasetVersion } = input;
  const outcome = run.outcome;
  if (!outcome)
    throw new WorkbenchError(
      'registry.run_not_completed',
      `Run "${run.name}" of ${version.id} has no outcome, so there is nothing to describe. Check that the run completed.`,
    );
  const dv = datasetVersion;
  return {
    title: `${version.modelName} v${version.version}`,
    model: {
      id: version.id,
      name: version.modelName,
      version: version.version,
      stage: version.stage,
      aliases: [...version.aliases],
      kind: version.modelKind,
      description: version.description,
      tags: { ...version.tags },
      createdAt: version.createdAt,
      createdBy: version.createdBy,
      runId: run.id,
      runName: run.name,
      artifactBlob: version.artifactBlob,
      artifactBytes: version.artifactBytes,
      hyperparameters: hyperparameters(run.spec),
    },
    data: dv
      ? {
          id: dv.id,
          name: dv.name,
          rows: dv.rowCount,
          columns: dv.columnCount,
          createdAt: dv.createdAt,
          qualityWarnings: dv.profile.warnings.map((w) => ({ ...w })),
        }
      : null,
    datasetVersionId: version.datasetVersionId,
    split: { method: splitMethod(run.spec, outcome.task), train: outcome.split.train, test: outcome.split.test },
    preprocessing: outcome.preprocessor.steps.map((s) =>
      s.kind === 'numeric'
        ? {
            column: s.name,
            kind: s.kind,
            description: numericStep(s.fill, s.center, s.scale, run.spec.preprocessing.numeric.impute),
          }
        : {
            column: s.name,
            kind: s.kind,
            description: s.other
              ? `missing → "${s.fill}" (most frequent); one-hot over the ${s.categories.length} most frequent categories in training; the other ${s.other.folded} and unseen categories → one "other" column`
              : `missing → "${s.fill}" (most frequent); one-hot over ${s.categories.length} categories seen in training; unseen categories → all zeros`,
          },
    ),
    training: {
      seed: run.seed,
      backend: run.environment.backend,
      platform: run.environment.platform,
      tfjsVersion: run.environment.tfjsVersion,
      workbenchVersion: run.environment.workbenchVersion,
      trainedAt: run.finishedAt,
      durationMs: run.durationMs,
    },
    signature: structuredClone(version.signature),
    metrics:
      outcome.metrics.task === 'classification'
        ? classificationMetrics(version, outcome.metrics)
        : regressionMetrics(version, outcome.metrics, outcome.predictionSample),
    intendedUse: version.card.intendedUse,
    limitations: version.card.limitations,
  };
}

function classificationMetrics(version: ModelVersion, report: ClassificationReport): ModelCard['metrics'] {
  const m = report.confusion.matrix;
  const k = m.length;
  const n = m.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
  const correct = m.reduce((s, row, i) => s + row[i], 0);
  const notes = [
    `Intervals are 95% ${WILSON}s over the ${n} held-out rows (accuracy), the rows predicted as each class (precision) and the rows of each class (recall).`,
  ];
  const headline = Object.entries(version.metrics).map(([name, value]) =>
    name === 'accuracy'
      ? proportion(name, value, correct, n)
      : { name, value, interval: null, note: 'no interval computed' },
  );
  const perClass = report.confusion.labels.map((label, j) => {
    const support = m[j].reduce((a, b) => a + b, 0);
    let predicted = 0;
    for (let i = 0; i < k; i++) predicted += m[i][j];
    return {
      label,
      support,
      predicted,
      precision: proportion(
        'precision',
        predicted ? m[j][j] / predicted : null,
        m[j][j],
        predicted,
        'no rows were predicted as this class',
      ),
      recall: proportion(
        'recall',
        support ? m[j][j] / support : null,
        m[j][j],
        support,
        'no held-out rows have this class',
      ),
    };
  });
  return { task: 'classification', testRows: n, headline, perClass, notes };
}

function regressionMetrics(
  version: ModelVersion,
  report: RegressionReport,
  sample: [number, number, number][],
): ModelCard['metrics'] {
  const errors = sample.map(([, actual, predicted]) => actual - predicted);
  // The run keeps at most 2,000 predictions: only a complete set (same count, same MAE) gives an honest interval.
  const complete =
    report.n >= 2 &&
    errors.length === report.n &&
    Math.abs(errors.reduce((s, e) => s + Math.abs(e), 0) / report.n - report.mae) <= 1e-9 * Math.max(1, report.mae);
  const intervals = complete ? regressionErrorIntervals(errors, CONFIDENCE) : null;
  const method = 'normal approximation of the mean over the held-out errors';
  const headline = Object.entries(version.metrics).map(([name, value]): CardMetric => {
    const iv = intervals && (name === 'mae' || name === 'rmse') ? intervals[name] : null;
    if (iv)
      return {
        name,
        value,
        interval: {
          low: iv.low,
          high: iv.high,
          confidence: CONFIDENCE,
          method: name === 'rmse' ? `square root of the ${method} (squared errors)` : `${method} (absolute errors)`,
        },
        note: null,
      };
    return {
      name,
      value,
      interval: null,
      note:
        name === 'r2' || complete
          ? 'no interval computed'
          : 'no interval: the run kept only a sample of its held-out predictions',
    };
  });
  const notes = complete
    ? [
        `MAE and RMSE intervals are 95% normal approximations (mean ± 1.96·s/√n) over all ${report.n} held-out errors; they assume the errors are independent and n is not small.`,
      ]
    : [
        `No intervals are given for MAE and RMSE: the run kept ${errors.length} of its ${report.n} held-out predictions, and an interval needs every error.`,
      ];
  return { task: 'regression', testRows: report.n, headline, perClass: null, notes };
}

function proportion(
  name: string,
  value: number | null,
  successes: number,
  n: number,
  whenEmpty = 'no rows',
): CardMetric {
  if (n === 0) return { name, value, interval: null, note: `no interval: ${whenEmpty}` };
  const ci = wilsonInterval(successes, n, CONFIDENCE);
  return {
    name,
    value,
    interval: { low: ci.low, high: ci.high, confidence: CONFIDENCE, method: `${WILSON}, ${successes}/${n}` },
    note: null,
  };
}

function numericStep(fill: number, center: number, scale: number, impute: string): string {
  const scaled = center === 0 && scale === 1 ? 'not scaled' : `standardised as (x − ${num(center)}) / ${num(scale)}`;
  return `missing → ${num(fill)} (training ${impute}); ${scaled}`;
}

function splitMethod(spec: PipelineSpec, task: string): string {
  const s = spec.split;
  if (s.kind === 'indices') return 'explicit row indices';
  if (s.kind === 'time') return `time-ordered by "${s.column}": the latest ${num(s.testFraction * 100)}% held out`;
  return `random, ${num(s.testFraction * 100)}% held out${s.stratify && task === 'classification' ? ', stratified by class' : ''}, seed ${s.seed}`;
}

function hyperparameters(spec: PipelineSpec): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  const walk = (value: unknown, path: string) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    } else {
      out.push({
        name: path,
        value: value === null ? 'none' : Array.isArray(value) ? `[${value.join(', ')}]` : String(value),
      });
    }
  };
  for (const [k, v] of Object.entries(spec.model)) if (k !== 'kind') walk(v, k);
  return out;
}

function num(x: number): string {
  return String(Number(x.toPrecision(6)));
}
