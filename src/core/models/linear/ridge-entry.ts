import type { ModelEntry } from '../model-entry.ts';
import type { ParamSpec } from '../model-params.ts';
import { checkLinearModel } from './check-linear-model.ts';
import { readLinearModelFile, writeLinearModelFile, LINEAR_MODEL_FILE } from './linear-model-file.ts';
import { fitRidge, predictRidge, type RidgeModel } from './ridge.ts';

/** Linear (ridge) regression's hyperparameters in a pipeline spec. */
export interface LinearSpec {
  kind: 'linear';
  alpha: number;
}

export interface LinearArtifact {
  kind: 'linear';
  model: RidgeModel;
}

const PARAMS: readonly ParamSpec[] = [
  {
    name: 'alpha',
    label: 'Alpha (L2 strength)',
    help: 'Larger alpha shrinks the coefficients more; 0 is ordinary least squares. 1 is usual.',
    type: 'number',
    default: 1,
    min: 0,
    max: 1e6,
    integer: false,
    step: 'any',
  },
];

const PREDICTION =
  'x = the row transformed as preprocessing.json says, in its outputNames order. prediction = coef·x + intercept.';

/** Ridge regression solved exactly (sklearn's Ridge, our typed-array code). */
export const ridgeEntry: ModelEntry<LinearSpec, LinearArtifact> = {
  kind: 'linear',
  label: 'Linear (ridge) regression',
  shortName: 'linear',
  tasks: ['regression'],
  params: PARAMS,
  runtime: 'none',
  curve: null,
  // The Gram matrix squares the inputs; beyond this the squares overflow float64.
  inputLimit: 1e100,
  estimate: (_spec, { width }) => ({ parameters: width + 1, bytes: width * width * 8 + width * 8 * 4 }),
  async train(spec, data) {
    return {
      kind: 'linear',
      model: fitRidge(
        { x: data.x, rows: data.rows, features: data.width, y: data.y as Float64Array },
        { alpha: spec.alpha },
      ),
    };
  },
  async open(artifact, width) {
    return {
      predict: async (x, rows) => predictRidge(artifact.model, { x, rows, features: width }),
      dispose: () => {},
    };
  },
  toStored: (artifact) => ({ header: artifact, binary: new Uint8Array(0) }),
  fromStored: (header) => header as LinearArtifact,
  fileNames: [LINEAR_MODEL_FILE],
  writeFiles: (artifact) => [writeLinearModelFile('linear', PREDICTION, artifact.model)],
  readFiles: (files) => ({ kind: 'linear', model: readLinearModelFile('linear', files) as RidgeModel }),
  contributions: ({ model }, x) => Float64Array.from(x, (v, j) => model.coef[j] * v),
  checkImported(artifact, expect) {
    const model = checkLinearModel('linear', artifact.model, expect) as RidgeModel;
    return (x, rows) => predictRidge(model, { x, rows, features: expect.width });
  },
};
