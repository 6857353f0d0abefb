import type { ClassReport, ConfusionMatrix, ProportionInterval } from '../core/metrics/index.ts';
import type { FeatureImportance } from '../core/train/permutation-importance.ts';
import { findModel } from '../core/models/catalogue.ts';
import type { ModelKind, PipelineSpec, Task } from '../core/train/pipeline-spec.ts';
import type { RunOutcome } from '../core/train/run-pipeline.ts';
import { classTables } from './class-tables.ts';
import { printable, renderTable, terminalSafeJson, truncate } from './text-table.ts';

/**
 * The `--json` output of `workbench train` and `workbench run`: one object,
 * stable field names, the headline fields first and the full spec last (so
 * it can be saved and run again with `workbench run`).
 */
export interface TrainReport {
  task: Task;
  model: ModelKind;
  /** The TF.js backend the MLP ran on; null for models that do not use TF.js. */
  backend: string | null;
  backendReason: string | null;
  tfVersion: string | null;
  seed: number;
  trainMs: number;
  /** Held-out metrics, flat numbers only (curves are not included). */
  metrics: Record<string, number>;
  /** Classification only (null for regression); `matrix[actual][predicted]`. */
  confusion: ConfusionMatrix | null;
  accuracyInterval: ProportionInterval | null;
  perClass: ClassReport[] | null;
  file: string;
  datasetVersionId: string;
  split: { train: number; test: number };
  features: string[];
  labels: string[];
  importance: FeatureImportance[];
  importanceSample: RunOutcome['importanceSample'];
  crossValidation: RunOutcome['crossValidation'];
  warnings: string[];
  /** Where `--predictions` wrote the held-out predictions, or null. */
  predictionsFile: string | null;
  spec: PipelineSpec;
}

/** The TF.js backend a run used (null for models that do not use TF.js). */
export interface BackendInfo {
  name: string;
  reason: string;
  tfVersion: string;
}

/** Builds the report from a finished run. */
export function buildTrainReport(
  outcome: RunOutcome,
  spec: PipelineSpec,
  context: { file: string; backend: BackendInfo | null; predictionsFile: string | null },
): TrainReport {
  const m = outcome.metrics;
  const classification = m.task === 'classification';
  return {
    task: outcome.task,
    model: spec.model.kind,
    backend: context.backend?.name ?? null,
    backendReason: context.backend?.reason ?? null,
    tfVersion: context.backend?.tfVersion ?? null,
    seed: spec.seed,
    trainMs: Math.round(outcome.trainMs * 10) / 10,
    metrics: flatMetrics(outcome),
    confusion: classification ? m.confusion : null,
    accuracyInterval: classification ? m.accuracyInterval : null,
    perClass: classification ? m.perClass : null,
    file: context.file,
    datasetVersionId: spec.datasetVersionId,
    split: outcome.split,
    features: outcome.features,
    labels: outcome.labels,
    importance: outcome.importance,
    importanceSample: outcome.importanceSample,
    crossValidation: outcome.crossValidation,
    warnings: outcome.warnings,
    predictionsFile: context.predictionsFile,
    spec,
  };
}

/** The scalar metrics; the ranking metrics only where they are defined. */
function flatMetrics(outcome: RunOutcome): Record<string, number> {
  const m = outcome.metrics;
  if (m.task === 'regression') return { n: m.n, mae: m.mae, rmse: m.rmse, r2: m.r2 };
  const flat: Record<string, number> = {
    n: m.n,
    accuracy: m.accuracy,
    precisionMacro: m.precisionMacro,
    recallMacro: m.recallMacro,
    f1Macro: m.f1Macro,
    precisionWeighted: m.precisionWeighted,
    recallWeighted: m.recallWeighted,
    f1Weighted: m.f1Weighted,
  };
  if (m.rocAuc !== null) flat.rocAuc = m.rocAuc;
  if (m.averagePrecision !== null) flat.averagePrecision = m.averagePrecision;
  if (m.logLoss !== null) flat.logLoss = m.logLoss;
  return flat;
}

/**
 * The report as JSON. NaN becomes null (JSON.stringify's rule); C1, bidi and invisible
 * characters are escaped so that printing it is terminal-safe.
 */
export function trainReportJson(report: TrainReport): string {
  return terminalSafeJson(JSON.stringify(report, null, 2));
}

const TOP_FEATURES = 10;

/** The report as the readable summary printed without `--json`. */
export function formatTrainText(report: TrainReport): string {
  const p = (text: string) => printable(text);
  const lines = [
    `${p(report.file)}: ${findModel(report.model)?.label ?? report.model}, ${report.task} of "${p(report.spec.target)}", seed ${report.seed}`,
    `version   ${report.datasetVersionId}`,
    `rows      ${report.split.train} train, ${report.split.test} held out`,
    `features  ${truncate(report.features.map(p).join(', '), 200)}`,
  ];
  if (report.backend)
    lines.push(`backend   ${report.backend} (${p(report.backendReason ?? '')}; TF.js ${report.tfVersion})`);
  lines.push(`trained   in ${formatMs(report.trainMs)}`, '');

  lines.push('Held-out metrics:');
  const metricRows = Object.entries(report.metrics)
    .filter(([name]) => name !== 'n')
    .map(([name, value]) => [name, fmt(value)]);
  if (report.accuracyInterval) {
    const ci = report.accuracyInterval;
    const row = metricRows.find(([name]) => name === 'accuracy');
    if (row) row.push(`${Math.round(ci.confidence * 100)}% interval ${fmt(ci.low)}–${fmt(ci.high)}`);
  }
  lines.push(indent(renderTable(['metric', 'value', ''], metricRows, [false, true, false])), '');

  if (report.perClass && report.confusion) lines.push(...classTables(report.perClass, report.confusion, fmt));

  if (report.importance.length > 0) {
    const scoreName = report.task === 'classification' ? 'accuracy' : 'R²';
    const s = report.importanceSample;
    const on = s.rows < s.of ? `, on a seeded sample of ${s.rows} of the ${s.of} held-out rows` : '';
    lines.push(`Top features (permutation importance: drop in ${scoreName} when shuffled, ${s.repeats} repeats${on}):`);
    const rows = report.importance
      .slice(0, TOP_FEATURES)
      .map((f) => [truncate(p(f.feature), 30), fmt(f.mean), `± ${fmt(f.std)}`]);
    lines.push(indent(renderTable(['feature', 'mean', 'std'], rows, [false, true, false])), '');
  }
  if (report.crossValidation) {
    const cv = report.crossValidation;
    lines.push(`Cross-validation (${cv.folds} folds): ${cv.metric} ${fmt(cv.mean)} ± ${fmt(cv.std)}`, '');
  }
  for (const warning of report.warnings) lines.push(`warning: ${p(warning)}`);
  if (report.predictionsFile)
    lines.push(`Predictions for the ${report.split.test} held-out rows written to ${p(report.predictionsFile)}.`);
  return lines.join('\n').trimEnd();
}

function indent(block: string): string {
  return block
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');
}

/** Four decimals for scores; blank for NaN. */
function fmt(value: number): string {
  if (Number.isNaN(value)) return '';
  return Math.abs(value) >= 1e4 ? String(Number(value.toPrecision(6))) : value.toFixed(4);
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
