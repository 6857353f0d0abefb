/**
 * Small hand-built records for registry and lineage tests: a dataset
 * version, completed classification and regression runs, and a memory
 * store holding them.
 */
import type { AuditDraft } from '../../../src/core/audit/audit-event.ts';
import { datasetVersionSaved } from '../../../src/core/audit/events/data-events.ts';
import { runCancelled, runCompleted } from '../../../src/core/audit/events/train-events.ts';
import { MemoryWorkspaceStore } from '../../../src/adapters/memory-store/memory-workspace-store.ts';
import type { DatasetVersion } from '../../../src/core/data/versions/dataset-version.ts';
import type { QualityWarning } from '../../../src/core/data/profile/profile-types.ts';
import type { ColumnSchema } from '../../../src/core/data/types.ts';
import { sha256HexSync } from '../../../src/core/hash/sha256.ts';
import { wilsonInterval } from '../../../src/core/metrics/confidence-interval.ts';
import type { ClassificationReport, RegressionReport } from '../../../src/core/metrics/index.ts';
import { defaultPipelineSpec, type ModelKind } from '../../../src/core/train/pipeline-spec.ts';
import type { RunRecord } from '../../../src/core/train/run-record.ts';
import { sampleProfile } from '../helpers/sample-version.ts';

export const ACTOR = 'ana';

/** `2026-01-01T00:00:00.000Z` plus `minutes`: a readable, ordered clock for tests. */
export function at(minutes: number): string {
  return new Date(Date.UTC(2026, 0, 1, 0, minutes)).toISOString();
}

export const IRIS_SCHEMA: ColumnSchema[] = [
  { name: 'length', type: 'number', role: 'feature' },
  { name: 'colour', type: 'category', role: 'feature' },
  { name: 'species', type: 'category', role: 'target' },
];

/** A dataset version whose id is the hash of `content` (so distinct content gives distinct ids). */
export function datasetVersion(
  content: string,
  overrides: Partial<DatasetVersion> & { warnings?: QualityWarning[] } = {},
): { version: DatasetVersion; bytes: Uint8Array } {
  const { warnings = [], ...rest } = overrides;
  const bytes = new TextEncoder().encode(content);
  const version: DatasetVersion = {
    id: sha256HexSync(content),
    name: 'iris',
    parentId: null,
    createdAt: at(0),
    source: { fileName: 'iris.csv', sizeBytes: bytes.byteLength },
    schema: IRIS_SCHEMA,
    rowCount: 150,
    columnCount: 3,
    note: '',
    byteLength: bytes.byteLength,
    profile: { ...sampleProfile(), rowCount: 150, columnCount: 3, warnings },
    ...rest,
  };
  return { version, bytes };
}

/** A classification report consistent with a confusion matrix (ranking metrics given). */
export function classificationReport(
  labels: string[],
  matrix: number[][],
  extra: { rocAuc?: number | null; logLoss?: number | null } = {},
): ClassificationReport {
  const k = labels.length;
  const n = matrix.flat().reduce((a, b) => a + b, 0);
  const support = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  const predicted = labels.map((_, j) => matrix.reduce((s, row) => s + row[j], 0));
  const precision = labels.map((_, j) => (predicted[j] ? matrix[j][j] / predicted[j] : 0));
  const recall = labels.map((_, j) => (support[j] ? matrix[j][j] / support[j] : 0));
  const f1 = labels.map((_, j) =>
    precision[j] + recall[j] ? (2 * precision[j] * recall[j]) / (precision[j] + recall[j]) : 0,
  );
  const macro = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / k;
  const weighted = (xs: number[]) => xs.reduce((s, x, j) => s + x * support[j], 0) / n;
  const correct = matrix.reduce((s, row, i) => s + row[i], 0);
  return {
    task: 'classification',
    n,
    accuracy: correct / n,
    accuracyInterval: wilsonInterval(correct, n),
    precisionMacro: macro(precision),
    recallMacro: macro(recall),
    f1Macro: macro(f1),
    precisionWeighted: weighted(precision),
    recallWeighted: weighted(recall),
    f1Weighted: weighted(f1),
    rocAuc: extra.rocAuc === undefined ? 0.9 : extra.rocAuc,
    averagePrecision: 0.88,
    logLoss: extra.logLoss === undefined ? 0.35 : extra.logLoss,
    perClass: labels.map((label, j) => ({
      label,
      precision: precision[j],
      recall: recall[j],
      f1: f1[j],
      support: support[j],
      rocAuc: 0.9,
      averagePrecision: 0.88,
    })),
    confusion: { labels, matrix },
    rocCurves: null,
    prCurves: null,
  };
}

export interface RunOptions {
  id: string;
  datasetVersionId: string;
  /** Correct rows out of 100 on a two-class test set (default 85). */
  correct?: number;
  labels?: string[];
  matrix?: number[][];
  features?: string[];
  target?: string;
  model?: ModelKind;
  startedAt?: string;
  modelBlob?: string;
}

/** A completed classification run; with `correct` = c the accuracy is c/100. */
export function completedRun(o: RunOptions): RunRecord {
  const labels = o.labels ?? ['setosa', 'versicolor'];
  const c = o.correct ?? 85;
  const matrix = o.matrix ?? [
    [50, 0],
    [100 - c, c - 50],
  ];
  const spec = {
    ...defaultPipelineSpec(o.datasetVersionId, o.target ?? 'species', o.model ?? 'forest', 7),
    features: o.features ?? ['length', 'colour'],
  };
  return runRecord(o, spec, {
    task: 'classification',
    labels,
    features: o.features ?? ['length', 'colour'],
    split: { train: 400, test: matrix.flat().reduce((a, b) => a + b, 0) },
    metrics: classificationReport(labels, matrix),
    predictionSample: [],
  });
}

/** A completed regression run whose held-out predictions are all kept. */
export function regressionRun(
  o: RunOptions & { actual: number[]; predicted: number[]; report: Omit<RegressionReport, 'task' | 'n'> },
): RunRecord {
  const spec = {
    ...defaultPipelineSpec(o.datasetVersionId, o.target ?? 'length', o.model ?? 'linear', 7),
    features: o.features ?? ['colour'],
  };
  return runRecord(o, spec, {
    task: 'regression',
    labels: [],
    features: o.features ?? ['colour'],
    split: { train: 240, test: o.actual.length },
    metrics: { task: 'regression', n: o.actual.length, ...o.report },
    predictionSample: o.actual.map((a, i) => [i, a, o.predicted[i]]),
  });
}

function runRecord(
  o: RunOptions,
  spec: RunRecord['spec'],
  part: Pick<
    NonNullable<RunRecord['outcome']>,
    'task' | 'labels' | 'features' | 'split' | 'metrics' | 'predictionSample'
  >,
): RunRecord {
  const startedAt = o.startedAt ?? at(1);
  return {
    id: o.id,
    name: `${spec.model.kind} ${o.id}`,
    status: 'completed',
    reason: null,
    spec,
    datasetVersionId: o.datasetVersionId,
    datasetName: 'iris',
    seed: 7,
    environment: {
      backend: null,
      backendReason: null,
      tfjsVersion: '4.22.0',
      workbenchVersion: '0.1.0',
      platform: 'node 20',
    },
    startedAt,
    finishedAt: startedAt,
    durationMs: 1234,
    curve: [],
    outcome: {
      ...part,
      trainMs: 1000,
      importance: [],
      crossValidation: null,
      warnings: [],
      preprocessor: {
        steps: [
          { kind: 'numeric', name: 'length', fill: 5.8, center: 5.84, scale: 0.825 },
          { kind: 'categorical', name: 'colour', fill: 'blue', categories: ['blue', 'red'] },
        ],
        outputNames: ['length', 'colour=blue', 'colour=red'],
      },
      modelBlob: o.modelBlob ?? sha256HexSync(`model ${o.id}`),
      modelBytes: 2048,
    },
    rerunOf: null,
  };
}

/** A memory store holding one dataset version (with optional quality warnings) and the given runs. */
export async function storeWith(
  runs: (datasetId: string) => RunRecord[],
  warnings: QualityWarning[] = [],
): Promise<{ store: MemoryWorkspaceStore; dataset: DatasetVersion; runs: RunRecord[] }> {
  const store = new MemoryWorkspaceStore();
  const { version, bytes } = datasetVersion('species\nsetosa\n', { warnings });
  await store.saveDatasetVersion(version, bytes, datasetVersionSaved(version, ACTOR));
  const made = runs(version.id);
  for (const run of made) await store.saveRun(run, [], runSavedEvent(run));
  return { store, dataset: version, runs: made };
}

/** The event the app stores with `run`: completed, or (for a run without outcome) cancelled. */
export function runSavedEvent(run: RunRecord): AuditDraft {
  return run.outcome ? runCompleted({ ...run, outcome: run.outcome }, ACTOR) : runCancelled(run, ACTOR);
}
