import { MODEL_CATALOGUE, modelEntry, type ModelArtifact, type ModelCatalogue } from '../../models/catalogue.ts';
import type { BaseArtifact } from '../../models/model-entry.ts';

export { badFile, jsonBytes, parseJsonFile } from '../../models/model-file-io.ts';
export {
  LINEAR_MODEL_FORMAT,
  LINEAR_MODEL_FORMAT_VERSION,
  type LinearModelFile,
} from '../../models/linear/linear-model-file.ts';
export { MLP_METADATA_KEY } from '../../models/mlp/mlp-files.ts';

/**
 * The model's own files in the bundle, as its catalogue entry writes them
 * (for the MLP, TF.js Layers model.json + weights.bin; `forest.json`;
 * `linear-model.json`).
 *
 * @param tfjsVersion TF.js version that trained the model, for model.json's `generatedBy`.
 */
export function modelFiles(
  artifact: BaseArtifact,
  tfjsVersion: string,
  catalogue: ModelCatalogue = MODEL_CATALOGUE,
): [string, Uint8Array][] {
  return modelEntry(artifact.kind, catalogue).writeFiles(artifact, tfjsVersion);
}

/**
 * Rebuilds the artifact from the model's files, as {@link modelFiles} wrote
 * them. Key order matters: the caller re-encodes it and compares the hash
 * with the registered blob, so objects are built in the order training
 * builds them.
 */
export function artifactFromFiles(kind: string, files: Map<string, Uint8Array>): ModelArtifact;
export function artifactFromFiles(
  kind: string,
  files: Map<string, Uint8Array>,
  catalogue: ModelCatalogue,
): BaseArtifact;
export function artifactFromFiles(
  kind: string,
  files: Map<string, Uint8Array>,
  catalogue: ModelCatalogue = MODEL_CATALOGUE,
): BaseArtifact {
  return modelEntry(kind, catalogue).readFiles(files);
}
