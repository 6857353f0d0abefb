/**
 * A training run, described as data: which dataset version, which columns,
 * how to split and preprocess, which model with which hyperparameters, and
 * the seed. The UI builds it, the user can download it, the CLI runs it;
 * the same spec and seed give the same metrics.
 */
import { MODEL_CATALOGUE, defaultModelSpec, type ModelKind, type ModelSpec } from '../models/catalogue.ts';
import type { BaseModelSpec } from '../models/model-entry.ts';
import type { Task } from './task.ts';

export { defaultModelSpec, type ModelKind, type ModelSpec };

export const PIPELINE_SCHEMA_VERSION = 1;

export type { Task };

export type SplitSpec =
  | { kind: 'random'; testFraction: number; stratify: boolean; seed: number }
  /** Train on the earlier rows by `column` (a datetime column), test on the latest `testFraction`. */
  | { kind: 'time'; column: string; testFraction: number }
  /** Explicit 0-based data-row indices (header excluded). */
  | { kind: 'indices'; train: number[]; test: number[] };

export interface PreprocessingSpec {
  numeric: { impute: 'median' | 'mean'; standardize: boolean };
  categorical: { impute: 'most_frequent' };
}

/** `M`: the model specs allowed; the default catalogue's unless a test brings its own kinds. */
export interface PipelineSpec<M extends BaseModelSpec = ModelSpec> {
  schemaVersion: typeof PIPELINE_SCHEMA_VERSION;
  datasetVersionId: string;
  target: string;
  /** Empty: every column whose role is feature. */
  features: string[];
  /** `auto` decides from the target's type. */
  task: Task | 'auto';
  split: SplitSpec;
  preprocessing: PreprocessingSpec;
  model: M;
  seed: number;
  /** Optional k-fold cross-validation over all labelled rows, reported as mean ± std. */
  crossValidation?: { folds: number } | null;
}

/** A complete spec with the usual choices, for a dataset version and target. */
export function defaultPipelineSpec(
  datasetVersionId: string,
  target: string,
  model: ModelKind = MODEL_CATALOGUE[0].kind,
  seed = 42,
): PipelineSpec {
  return {
    schemaVersion: PIPELINE_SCHEMA_VERSION,
    datasetVersionId,
    target,
    features: [],
    task: 'auto',
    split: { kind: 'random', testFraction: 0.2, stratify: true, seed },
    preprocessing: { numeric: { impute: 'median', standardize: true }, categorical: { impute: 'most_frequent' } },
    model: defaultModelSpec(model),
    seed,
  };
}
