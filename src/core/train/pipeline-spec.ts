/**
 * A training run, described as data: which dataset version, which columns,
 * how to split and preprocess, which model with which hyperparameters, and
 * the seed. The UI builds it, the user can download it, the CLI runs it;
 * the same spec and seed give the same metrics.
 */
export const PIPELINE_SCHEMA_VERSION = 1;

export type Task = 'classification' | 'regression';

export type SplitSpec =
  | { kind: 'random'; testFraction: number; stratify: boolean; seed: number }
  /** Explicit 0-based data-row indices (header excluded). */
  | { kind: 'indices'; train: number[]; test: number[] };

export interface PreprocessingSpec {
  numeric: { impute: 'median' | 'mean'; standardize: boolean };
  categorical: { impute: 'most_frequent' };
}

export interface ForestSpec {
  kind: 'forest';
  trees: number;
  maxDepth: number | null;
  minSamplesLeaf: number;
  maxFeatures: 'sqrt' | 'log2' | 'all' | number;
  bootstrap: boolean;
}
export interface LogisticSpec {
  kind: 'logistic';
  C: number;
  maxIter: number;
  tol: number;
}
export interface LinearSpec {
  kind: 'linear';
  alpha: number;
}
export interface MlpSpec {
  kind: 'mlp';
  hiddenLayers: number[];
  activation: 'relu' | 'tanh' | 'sigmoid';
  optimizer: 'adam' | 'sgd' | 'rmsprop';
  learningRate: number;
  l2: number;
  batchSize: number;
  epochs: number;
  /** Stop when the validation loss has not improved for `patience` epochs. */
  earlyStopping: { validationFraction: number; patience: number } | null;
}
export type ModelSpec = ForestSpec | LogisticSpec | LinearSpec | MlpSpec;
export type ModelKind = ModelSpec['kind'];

export interface PipelineSpec {
  schemaVersion: typeof PIPELINE_SCHEMA_VERSION;
  datasetVersionId: string;
  target: string;
  /** Empty: every column whose role is feature. */
  features: string[];
  /** `auto` decides from the target's type. */
  task: Task | 'auto';
  split: SplitSpec;
  preprocessing: PreprocessingSpec;
  model: ModelSpec;
  seed: number;
  /** Optional k-fold cross-validation over all labelled rows, reported as mean ± std. */
  crossValidation?: { folds: number } | null;
}

/** Hyperparameters a new model of each kind starts with (scikit-learn's defaults where there is one). */
export function defaultModelSpec(kind: ModelKind): ModelSpec {
  switch (kind) {
    case 'forest':
      return { kind, trees: 100, maxDepth: null, minSamplesLeaf: 1, maxFeatures: 'sqrt', bootstrap: true };
    case 'logistic':
      return { kind, C: 1, maxIter: 1000, tol: 1e-4 };
    case 'linear':
      return { kind, alpha: 1 };
    case 'mlp':
      return {
        kind,
        hiddenLayers: [64, 64],
        activation: 'relu',
        optimizer: 'adam',
        learningRate: 0.001,
        l2: 0.0001,
        batchSize: 64,
        epochs: 50,
        earlyStopping: { validationFraction: 0.1, patience: 5 },
      };
  }
}

/** A complete spec with the usual choices, for a dataset version and target. */
export function defaultPipelineSpec(
  datasetVersionId: string,
  target: string,
  model: ModelKind = 'forest',
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
