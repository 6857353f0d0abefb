import type { Rng } from '../random/rng.ts';
import type { Task } from '../train/task.ts';
import type { ParamSpec } from './model-params.ts';
import type { TfRuntime } from './tf-runtime.ts';

/** What every model spec has: its kind; the rest is the kind's hyperparameters. */
export interface BaseModelSpec {
  kind: string;
}

/** What every fitted model has as storable data: its kind. */
export interface BaseArtifact {
  kind: string;
}

/** Preprocessed training rows. */
export interface ModelData {
  task: Task;
  /** Dense row-major features, rows × width. */
  x: Float64Array;
  rows: number;
  width: number;
  /** Class indices (classification) or values (regression). */
  y: Int32Array | Float64Array;
  classCount: number;
}

/** The size of the data a model trains on, for estimates made before training. */
export interface DataShape {
  task: Task;
  /** Training rows. */
  rows: number;
  /** Columns after preprocessing (one-hot expands categories). */
  width: number;
  classCount: number;
}

/** Progress while a model trains, for live curves. */
export type TrainProgress =
  | {
      kind: 'epoch';
      report: {
        epoch: number;
        loss: number;
        valLoss: number | null;
        accuracy: number | null;
        valAccuracy: number | null;
      };
      /** The most epochs the run will take (early stopping may end it sooner). */
      total: number;
    }
  | { kind: 'trees'; built: number; total: number }
  | { kind: 'iteration'; iteration: number; objective: number };

/** What training gets besides the spec and the data. */
export interface TrainContext {
  /** Drives every random choice, so a seed reproduces the model. */
  rng: Rng;
  /** The TF.js namespace and backend, for kinds whose `runtime` is 'tfjs'. */
  tf: TfRuntime | null;
  /** The most bytes the model may take; a kind that grows as it trains (a forest) stops past it. */
  memoryBudget: number;
  onProgress?: (progress: TrainProgress) => void;
}

/** A loaded model, ready to predict many times (permutation importance does). */
export interface Predictor {
  /** Class probabilities (rows × classCount, row-major) or regression values. */
  predict(x: Float64Array, rows: number): Promise<Float64Array>;
  dispose(): void;
}

/** An estimate of a model's size, from its spec and the data's shape. */
export interface SizeEstimate {
  /** Trainable numbers (weights, coefficients). */
  parameters: number;
  /** Peak bytes while training, beyond the preprocessed data matrices. */
  bytes: number;
}

/** What a model read from a bundle must fit: the preprocessing's width, the signature's task and label count. */
export interface ImportExpectation {
  width: number;
  task: Task;
  /** Class labels the signature names (0 for regression). */
  labels: number;
}

/** Scores rows with plain arrays, no TF.js: probabilities (rows × classes) or values. */
export type PlainPredict = (x: Float64Array, rows: number) => ArrayLike<number>;

/** A bundle's model files: name → bytes. */
export type ModelFileMap = Map<string, Uint8Array>;

/**
 * One model kind in the catalogue: everything the rest of the workbench
 * needs to offer, validate, train, evaluate, store and export it. Methods
 * use method syntax on purpose: an entry typed for its own spec fits a
 * catalogue of entries typed for the base spec.
 */
export interface ModelEntry<S extends BaseModelSpec = BaseModelSpec, A extends BaseArtifact = BaseArtifact> {
  kind: S['kind'];
  /** Shown in the form and reports, e.g. "Random forest". */
  label: string;
  /** In run names, e.g. "forest #3". */
  shortName: string;
  tasks: readonly Task[];
  params: readonly ParamSpec[];
  /** 'tfjs': training and prediction need a {@link TfRuntime} handed in. */
  runtime: 'none' | 'tfjs';
  /** What its live curve plots, or null when it has none. */
  curve: { x: 'epoch' | 'iteration'; y: 'loss' | 'objective' } | null;
  /** The largest absolute input value (after preprocessing) it computes with safely. */
  inputLimit: number;
  /** Checks between parameters the ranges cannot express; appends problems. */
  check?(spec: S, problems: string[]): void;
  estimate(spec: S, shape: DataShape): SizeEstimate;
  train(spec: S, data: ModelData, context: TrainContext): Promise<A>;
  open(artifact: A, width: number, tf: TfRuntime | null): Promise<Predictor>;
  /** The artifact as a JSON header plus raw bytes (weights) kept out of the JSON. */
  toStored(artifact: A): { header: object; binary: Uint8Array };
  fromStored(header: object, binary: Uint8Array): A;
  /** Its files in an exported bundle, in write order. */
  fileNames: readonly string[];
  writeFiles(artifact: A, tfjsVersion: string): [string, Uint8Array][];
  /** Rebuilds the artifact from its bundle files, with keys in the order training builds them. */
  readFiles(files: ModelFileMap): A;
  /**
   * Checks an artifact read from a bundle (structure, shapes, finite
   * numbers) against what the bundle says it is for, and returns a
   * predictor that needs no TF.js, for the import's smoke prediction on
   * the main thread. Throws `bundle.invalid_model` naming the file at fault.
   */
  checkImported(artifact: A, expect: ImportExpectation): PlainPredict;
  /**
   * For a model that is linear in its inputs: each preprocessed column's
   * contribution to one row's prediction (coefficient × value), signed
   * towards the `predicted` class (or up, in regression). Kinds without it
   * are explained by replacing inputs.
   */
  contributions?(artifact: A, x: Float64Array, predicted: number): Float64Array;
}
