import { predictProba, predictValue } from '../../models/forest/index.ts';
import { predictProbaLogistic, predictRidge, type LogisticModel, type RidgeModel } from '../../models/linear/index.ts';
import type { Preprocessor } from '../../train/preprocess.ts';
import type { ModelArtifact } from '../../train/train-model.ts';
import type { InputSignature } from '../registry-types.ts';
import { MODEL_FILES } from './bundle-format.ts';
import { checkForestFile } from './check-forest-file.ts';
import { checkLinearModel } from './check-linear-file.ts';
import { checkMlpFiles } from './check-mlp-files.ts';
import { checkPreprocessing, checkSignature } from './check-preprocessing.ts';
import { forwardDense } from './dense-forward.ts';
import { checkSmokePrediction, exampleRows } from './smoke-prediction.ts';

/**
 * Validates an imported model semantically, beyond its checksums: the
 * signature, the preprocessing against the signature, the model's
 * structure, shapes and numbers against both, and a smoke prediction on
 * example rows made from them that must give finite outputs of the right
 * shape (probabilities that sum to 1 for a classifier). Runs without TF.js,
 * so it is cheap on the main thread. Throws `bundle.invalid_model`
 * naming the file at fault.
 */
export function validateBundleModel(
  artifact: ModelArtifact,
  preprocessor: Preprocessor,
  signature: InputSignature,
): void {
  checkSignature(signature);
  const width = checkPreprocessing(preprocessor, signature);
  const { x, rows } = exampleRows(preprocessor);
  const matrix = { x, rows, features: width };
  let output: ArrayLike<number>;
  switch (artifact.kind) {
    case 'forest': {
      const model = checkForestFile(artifact.forest, width, signature);
      output = model.task === 'classification' ? predictProba(model, x, rows) : predictValue(model, x, rows);
      break;
    }
    case 'logistic':
      output = predictProbaLogistic(
        checkLinearModel('logistic', artifact.model, width, signature) as LogisticModel,
        matrix,
      );
      break;
    case 'linear':
      output = predictRidge(checkLinearModel('linear', artifact.model, width, signature) as RidgeModel, matrix);
      break;
    case 'mlp': {
      const raw = forwardDense(checkMlpFiles(artifact, width, signature), x, rows);
      output =
        artifact.task === 'regression' ? Float64Array.from(raw, (v) => v * artifact.yScale + artifact.yCenter) : raw;
      break;
    }
  }
  checkSmokePrediction(MODEL_FILES[artifact.kind].join(', '), output, rows, signature);
}
