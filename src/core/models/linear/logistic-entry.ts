import { WorkbenchError } from '../../errors.ts';
import type { ModelEntry } from '../model-entry.ts';
import type { ParamSpec } from '../model-params.ts';
import { checkLinearModel } from './check-linear-model.ts';
import { readLinearModelFile, writeLinearModelFile, LINEAR_MODEL_FILE } from './linear-model-file.ts';
import { fitLogistic, predictProbaLogistic, type LogisticModel } from './logistic-regression.ts';

/** Logistic regression's hyperparameters in a pipeline spec. */
export interface LogisticSpec {
  kind: 'logistic';
  C: number;
  maxIter: number;
  tol: number;
}

export interface LogisticArtifact {
  kind: 'logistic';
  model: LogisticModel;
}

const PARAMS: readonly ParamSpec[] = [
  {
    name: 'C',
    label: 'C (inverse L2 strength)',
    help: 'Smaller C regularises more (simpler model); larger C fits the training rows more closely. 1 is usual.',
    type: 'number',
    default: 1,
    min: 0,
    max: 1e6,
    minExclusive: true,
    integer: false,
    step: 'any',
  },
  {
    name: 'maxIter',
    label: 'Max iterations',
    help: 'Most L-BFGS iterations; raise it if the fit stops before converging.',
    type: 'number',
    default: 1000,
    min: 1,
    max: 100_000,
    integer: true,
    step: 1,
  },
  {
    name: 'tol',
    label: 'Tolerance',
    help: 'Stop when the largest gradient entry is this small; smaller is more exact and slower.',
    type: 'number',
    default: 1e-4,
    min: 0,
    max: 1,
    minExclusive: true,
    integer: false,
    step: 'any',
  },
];

const PREDICTION =
  'x = the row transformed as preprocessing.json says, in its outputNames order. coef is row-major with `features` numbers per row. ' +
  'Two classes: coef has one row; P(class 1) = 1 / (1 + exp(-(coef·x + intercept[0]))), P(class 0) = 1 - P(class 1). ' +
  'More classes: one row per class; P = softmax over k of (coef[k]·x + intercept[k]). Class k is signature.json target.labels[k].';

/** L2-penalised logistic regression (sklearn's lbfgs solver, our typed-array code). */
export const logisticEntry: ModelEntry<LogisticSpec, LogisticArtifact> = {
  kind: 'logistic',
  label: 'Logistic regression',
  shortName: 'logistic',
  tasks: ['classification'],
  params: PARAMS,
  runtime: 'none',
  curve: { x: 'iteration', y: 'objective' },
  // Beyond this, products and squares in the loss and its gradient overflow float64.
  inputLimit: 1e100,
  estimate(_spec, { rows, width, classCount }) {
    const parameters = (width + 1) * (classCount === 2 ? 1 : classCount);
    // L-BFGS keeps 10 pairs of parameter-sized vectors; the loss keeps per-row scores and probabilities.
    return { parameters, bytes: parameters * 8 * 30 + rows * classCount * 8 * 2 };
  },
  async train(spec, data, { onProgress }) {
    const diverged = (iteration: number, value: number) =>
      new WorkbenchError(
        'train.diverged',
        `Logistic regression diverged: its loss ${iteration === 0 ? 'or gradient overflowed at the starting point' : `became ${value} at iteration ${iteration}`}, which happens when feature values are extreme. Standardize the features (preprocessing) or rescale very large columns, then train again.`,
      );
    try {
      const model = fitLogistic(
        { x: data.x, rows: data.rows, features: data.width, y: data.y as Int32Array, classCount: data.classCount },
        {
          C: spec.C,
          maxIter: spec.maxIter,
          tol: spec.tol,
          onIteration: ({ iteration, value }) => {
            if (!Number.isFinite(value)) throw diverged(iteration, value);
            onProgress?.({ kind: 'iteration', iteration, objective: value / data.rows });
          },
        },
      );
      if (!model.coef.every(Number.isFinite)) throw diverged(model.fit.iterations, model.fit.objective);
      return { kind: 'logistic', model };
    } catch (error) {
      if (error instanceof WorkbenchError && error.code === 'optim.non_finite_start') throw diverged(0, NaN);
      throw error;
    }
  },
  async open(artifact, width) {
    return {
      predict: async (x, rows) => predictProbaLogistic(artifact.model, { x, rows, features: width }),
      dispose: () => {},
    };
  },
  toStored: (artifact) => ({ header: artifact, binary: new Uint8Array(0) }),
  fromStored: (header) => header as LogisticArtifact,
  fileNames: [LINEAR_MODEL_FILE],
  writeFiles: (artifact) => [writeLinearModelFile('logistic', PREDICTION, artifact.model)],
  readFiles: (files) => ({ kind: 'logistic', model: readLinearModelFile('logistic', files) as LogisticModel }),
  contributions({ model }, x, predicted) {
    const width = x.length;
    // Binary models keep one row of coefficients, for class 1; multi-class ones a row per class.
    const binary = model.intercept.length === 1;
    const row = binary ? 0 : predicted;
    const sign = binary && predicted !== 1 ? -1 : 1;
    return Float64Array.from(x, (v, j) => sign * model.coef[row * width + j] * v);
  },
  checkImported(artifact, expect) {
    const model = checkLinearModel('logistic', artifact.model, expect) as LogisticModel;
    return (x, rows) => predictProbaLogistic(model, { x, rows, features: expect.width });
  },
};
