/** What a forest predicts: a class (Gini splits) or a number (squared-error splits). */
export type ForestTask = 'classification' | 'regression';

/**
 * How many features each split may look at, as in scikit-learn's
 * `max_features`: 'sqrt' → ⌊√p⌋, 'log2' → ⌊log2 p⌋, 'all' → p, an integer ≥ 1 →
 * that many, a number in (0, 1) → that share of p (rounded down, at least 1).
 */
export type MaxFeatures = 'sqrt' | 'log2' | 'all' | number;

/** Hyperparameters as the user gives them; everything but `task` has sklearn's default. */
export interface ForestParams {
  task: ForestTask;
  /** Number of trees (default 100). */
  trees?: number;
  /** Deepest level a leaf may sit at, the root being depth 0; null grows until leaves are pure (default). */
  maxDepth?: number | null;
  /** Fewest training rows a leaf may hold (default 1). */
  minSamplesLeaf?: number;
  /** Default 'sqrt' for classification and 'all' for regression, as sklearn. */
  maxFeatures?: MaxFeatures;
  /** Train each tree on a bootstrap sample of the rows (default true). */
  bootstrap?: boolean;
}

/** {@link ForestParams} with every default filled in, as stored with the model. */
export interface ResolvedForestParams {
  task: ForestTask;
  trees: number;
  maxDepth: number | null;
  minSamplesLeaf: number;
  maxFeatures: MaxFeatures;
  bootstrap: boolean;
}

/**
 * Training rows: a dense row-major matrix (row r, feature f at `x[r * features + f]`)
 * without NaN, and the target — class indices 0..classCount-1 or numbers.
 */
export type ForestData =
  | { task: 'classification'; x: Float64Array; rows: number; features: number; y: Int32Array; classCount: number }
  | { task: 'regression'; x: Float64Array; rows: number; features: number; y: Float64Array };

/**
 * One fitted tree as flat arrays indexed by node id (the root is node 0).
 *
 * A split node sends a row left when `x[feature] <= threshold`. A leaf has
 * `feature = -1` and `left = right = -1`; its prediction is the entries
 * `valueStart[node] .. valueStart[node + 1]` of `leafClass`/`leafValue`
 * (split nodes own an empty range). Classification stores only the classes a
 * leaf holds, each with its share of the leaf's (bootstrap-weighted) rows, so
 * the usual pure leaf costs one entry whatever the class count; regression
 * stores one mean per leaf and leaves `leafClass` empty.
 */
export interface TreeArrays {
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  /** nodeCount + 1 offsets into the leaf entries. */
  valueStart: Int32Array;
  leafClass: Int32Array;
  leafValue: Float64Array;
}

/** A fitted random forest: plain data, structured-cloneable, serializable with `serializeForest`. */
export interface ForestModel {
  task: ForestTask;
  /** Number of input features every row must have. */
  features: number;
  /** Number of classes (1 for regression). */
  classCount: number;
  params: ResolvedForestParams;
  trees: TreeArrays[];
}
