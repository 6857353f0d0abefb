import { MODEL_CATALOGUE, modelEntry, type ModelCatalogue } from '../../models/catalogue.ts';
import type { BaseArtifact } from '../../models/model-entry.ts';
import type { Preprocessor } from '../../train/preprocess.ts';
import type { InputSignature } from '../registry-types.ts';
import { checkPreprocessing, checkSignature } from './check-preprocessing.ts';
import { checkSmokePrediction, exampleRows } from './smoke-prediction.ts';

/**
 * Validates an imported model semantically, beyond its checksums: the
 * signature, the preprocessing against the signature, the model's
 * structure, shapes and numbers against both (its catalogue entry's
 * `checkImported`), and a smoke prediction on example rows made from them
 * that must give finite outputs of the right shape (probabilities that sum
 * to 1 for a classifier). Runs without TF.js, so it is cheap on the main
 * thread. Throws `bundle.invalid_model` naming the file at fault.
 */
export function validateBundleModel(
  artifact: BaseArtifact,
  preprocessor: Preprocessor,
  signature: InputSignature,
  catalogue: ModelCatalogue = MODEL_CATALOGUE,
): void {
  checkSignature(signature);
  const width = checkPreprocessing(preprocessor, signature);
  const { x, rows } = exampleRows(preprocessor);
  const entry = modelEntry(artifact.kind, catalogue);
  const predict = entry.checkImported(artifact, {
    width,
    task: signature.task,
    labels: signature.target.labels.length,
  });
  checkSmokePrediction(entry.fileNames.join(', '), predict(x, rows), rows, signature);
}
