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

/**
 * How missing feature cells are filled: with a statistic of the training
 * rows, a constant, or not at all — `drop` leaves every row with a missing
 * feature cell out of training and testing (a model in service still fills
 * such a cell: numbers with the training median, categories with the most
 * frequent value). Specs written before these choices existed hold
 * `median`/`mean` and `most_frequent` and mean what they meant.
 */
export const NUMERIC_IMPUTE = ['median', 'mean', 'most_frequent', 'constant', 'drop'] as const;
export type NumericImpute = (typeof NUMERIC_IMPUTE)[number];
export const CATEGORICAL_IMPUTE = ['most_frequent', 'constant', 'drop'] as const;
export type CategoricalImpute = (typeof CATEGORICAL_IMPUTE)[number];

/** The constants `constant` imputation uses when the spec names none (scikit-learn's SimpleImputer defaults). */
export const DEFAULT_FILL = { numeric: 0, categorical: 'missing_value' } as const;

export interface PreprocessingSpec {
  /** `fill`: the value of `constant` imputation ({@link DEFAULT_FILL} when absent). */
  numeric: { impute: NumericImpute; standardize: boolean; fill?: number };
  categorical: { impute: CategoricalImpute; fill?: string };
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
  /**
   * Train on features instead of raw columns: the dataset version is then
   * the entity table, joined point-in-time with this feature service.
   */
  featureSource?: FeatureSourceSpec | null;
}

/** A feature service and the entity table's time column; `views` pins the view versions (filled in when a run resolves them). */
export interface FeatureSourceSpec {
  service: string;
  timestamp: string;
  /** `name@version` of each view used; empty: the newest versions, recorded by the run. */
  views: string[];
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
