import { WorkbenchError } from '../errors.ts';
import {
  deserializeForest,
  predictProba as forestProba,
  predictValue as forestValue,
  serializeForest,
  trainForest,
} from '../models/forest/index.ts';
import {
  fitLogistic,
  fitRidge,
  predictProbaLogistic,
  predictRidge,
  type LogisticModel,
  type RidgeModel,
} from '../models/linear/index.ts';
import { loadMlp, predictMlp, type MlpArtifact } from '../models/mlp/mlp-model.ts';
import { trainMlp, type EpochReport } from '../models/mlp/train-mlp.ts';
import type { Rng } from '../random/rng.ts';
import type { ModelSpec, Task } from './pipeline-spec.ts';

/** A fitted model as storable data. */
export type ModelArtifact =
  | { kind: 'forest'; forest: string }
  | { kind: 'logistic'; model: LogisticModel }
  | { kind: 'linear'; model: RidgeModel }
  | MlpArtifact;

/** Preprocessed training rows. */
export interface ModelData {
  task: Task;
  x: Float64Array;
  rows: number;
  width: number;
  /** Class indices (classification) or values (regression). */
  y: Int32Array | Float64Array;
  classCount: number;
}

/** Progress while a model trains, for live curves. */
export type TrainProgress =
  | { kind: 'epoch'; report: EpochReport }
  | { kind: 'trees'; built: number; total: number }
  | { kind: 'iteration'; iteration: number; objective: number };

/**
 * Trains the model a spec asks for. Forests, logistic and ridge regression
 * are our own typed-array code; the MLP is TF.js. The rng drives every
 * random choice, so a seed reproduces the model.
 */
export async function trainModel(
  spec: ModelSpec,
  data: ModelData,
  rng: Rng,
  onProgress?: (p: TrainProgress) => void,
): Promise<ModelArtifact> {
  const design = { x: data.x, rows: data.rows, features: data.width };
  switch (spec.kind) {
    case 'forest': {
      const forestData =
        data.task === 'classification'
          ? { task: 'classification' as const, ...design, y: data.y as Int32Array, classCount: data.classCount }
          : { task: 'regression' as const, ...design, y: data.y as Float64Array };
      const model = trainForest(
        forestData,
        {
          task: data.task,
          trees: spec.trees,
          maxDepth: spec.maxDepth,
          minSamplesLeaf: spec.minSamplesLeaf,
          maxFeatures: spec.maxFeatures === 1 ? 'all' : spec.maxFeatures,
          bootstrap: spec.bootstrap,
        },
        rng,
        (built) => onProgress?.({ kind: 'trees', built, total: spec.trees }),
      );
      return { kind: 'forest', forest: serializeForest(model) };
    }
    case 'logistic': {
      if (data.task !== 'classification')
        throw wrongTask('Logistic regression', 'classification', 'linear (ridge) regression');
      const model = fitLogistic(
        { ...design, y: data.y as Int32Array, classCount: data.classCount },
        {
          C: spec.C,
          maxIter: spec.maxIter,
          tol: spec.tol,
          onIteration: ({ iteration, value }) =>
            void onProgress?.({ kind: 'iteration', iteration, objective: value / data.rows }),
        },
      );
      return { kind: 'logistic', model };
    }
    case 'linear': {
      if (data.task !== 'regression') throw wrongTask('Linear (ridge) regression', 'regression', 'logistic regression');
      return { kind: 'linear', model: fitRidge({ ...design, y: data.y as Float64Array }, { alpha: spec.alpha }) };
    }
    case 'mlp': {
      const { artifact } = await trainMlp({ ...data }, spec, rng, (report) => onProgress?.({ kind: 'epoch', report }));
      return artifact;
    }
  }
}

/** A loaded model, ready to predict many times (permutation importance does). */
export interface Predictor {
  /** Class probabilities (rows × classCount, row-major) or regression values. */
  predict(x: Float64Array, rows: number): Promise<Float64Array>;
  dispose(): void;
}

/** Loads a stored model once for repeated predictions on `width`-column inputs. */
export async function openPredictor(artifact: ModelArtifact, width: number): Promise<Predictor> {
  const none = () => {};
  switch (artifact.kind) {
    case 'forest': {
      const model = deserializeForest(artifact.forest);
      const predict = model.task === 'classification' ? forestProba : forestValue;
      return { predict: async (x, rows) => predict(model, x, rows), dispose: none };
    }
    case 'logistic':
      return {
        predict: async (x, rows) => predictProbaLogistic(artifact.model, { x, rows, features: width }),
        dispose: none,
      };
    case 'linear':
      return { predict: async (x, rows) => predictRidge(artifact.model, { x, rows, features: width }), dispose: none };
    case 'mlp': {
      const model = await loadMlp(artifact);
      return { predict: (x, rows) => predictMlp(model, artifact, x, rows, width), dispose: () => model.dispose() };
    }
  }
}

function wrongTask(model: string, task: Task, instead: string): WorkbenchError {
  return new WorkbenchError(
    'train.wrong_task',
    `${model} is for ${task}, but this target calls for the other task. Choose ${instead}, or change the task.`,
  );
}
