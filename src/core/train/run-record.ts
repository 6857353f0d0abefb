import type { ClassificationReport, RegressionReport } from '../metrics/index.ts';
import type { FeatureImportance, ImportanceSample } from './permutation-importance.ts';
import type { PipelineSpec, Task } from './pipeline-spec.ts';
import type { Preprocessor } from './preprocess.ts';

export type RunStatus = 'completed' | 'failed' | 'cancelled';

/** One point of a run's live curve: an epoch (MLP), a tree count (forest) or an optimiser iteration (logistic). */
export interface CurvePoint {
  step: number;
  loss: number | null;
  valLoss: number | null;
  accuracy: number | null;
  valAccuracy: number | null;
}

/** Where and with what a run was computed, so a result can be reproduced or explained. */
export interface RunEnvironment {
  /** TF.js backend actually used (`null` for models that do not use TF.js). */
  backend: string | null;
  backendReason: string | null;
  tfjsVersion: string;
  workbenchVersion: string;
  /** `browser` or `node`, and the user agent / Node version. */
  platform: string;
}

/**
 * A stored training run. Completed runs carry the outcome and point to the
 * model artifact in the blob store; failed and cancelled runs keep the spec
 * and the reason, and nothing half-made.
 */
export interface RunRecord {
  id: string;
  /** Human label, e.g. `forest #3`. */
  name: string;
  status: RunStatus;
  /** Why it failed or was cancelled. */
  reason: string | null;
  spec: PipelineSpec;
  datasetVersionId: string;
  datasetName: string;
  seed: number;
  environment: RunEnvironment;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  curve: CurvePoint[];
  /** Present when completed. */
  outcome: RunSummary | null;
  /** Set when this run re-ran another run's spec: did it reproduce the metrics exactly? */
  rerunOf: { runId: string; reproduced: boolean } | null;
}

/** What a completed run keeps of its outcome (the model itself is a blob). */
export interface RunSummary {
  task: Task;
  labels: string[];
  features: string[];
  split: { train: number; test: number };
  trainMs: number;
  metrics: ClassificationReport | RegressionReport;
  importance: FeatureImportance[];
  /** Rows importance re-scored (absent in runs stored before it was sampled: every held-out row, 5 repeats). */
  importanceSample?: ImportanceSample;
  crossValidation: { folds: number; metric: string; scores: number[]; mean: number; std: number } | null;
  warnings: string[];
  preprocessor: Preprocessor;
  /** SHA-256 of the encoded model artifact in the blob store, and its size. */
  modelBlob: string;
  modelBytes: number;
  /** Up to 2,000 held-out predictions for residual plots: [row, actual, predicted]. */
  predictionSample: [number, number, number][];
}
