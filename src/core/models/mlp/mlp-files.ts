import type { ModelFileMap } from '../model-entry.ts';
import { badFile, jsonBytes, parseJsonFile } from '../model-file-io.ts';
import type { MlpArtifact } from './mlp-model.ts';

/** Where an MLP's workbench-only fields live in model.json (TF.js keeps `userDefinedMetadata` as is). */
export const MLP_METADATA_KEY = 'mlopsWorkbench';

/**
 * An MLP's bundle files: model.json is what TF.js's `LayersModel.save`
 * writes (same keys, same order) with one weight group read from
 * weights.bin; the workbench's regression scaling and task go in
 * `userDefinedMetadata`.
 *
 * @param tfjsVersion TF.js version that trained the model, for model.json's `generatedBy`.
 */
export function writeMlpFiles(artifact: MlpArtifact, tfjsVersion: string): [string, Uint8Array][] {
  const modelJson = {
    modelTopology: artifact.modelTopology,
    format: 'layers-model',
    generatedBy: `TensorFlow.js tfjs-layers v${tfjsVersion}`,
    convertedBy: null,
    weightsManifest: [{ paths: ['weights.bin'], weights: artifact.weightSpecs }],
    userDefinedMetadata: {
      [MLP_METADATA_KEY]: { task: artifact.task, yCenter: artifact.yCenter, yScale: artifact.yScale },
    },
  };
  return [
    ['model.json', jsonBytes(modelJson)],
    ['weights.bin', artifact.weightData],
  ];
}

/** Rebuilds the artifact from model.json and weights.bin, keys in the order training builds them. */
export function readMlpFiles(files: ModelFileMap): MlpArtifact {
  const json = parseJsonFile('model.json', files) as {
    modelTopology?: object;
    weightsManifest?: { paths: string[]; weights: MlpArtifact['weightSpecs'] }[];
    userDefinedMetadata?: Record<string, unknown>;
  };
  const meta = json.userDefinedMetadata?.[MLP_METADATA_KEY] as
    Partial<Pick<MlpArtifact, 'task' | 'yCenter' | 'yScale'>> | undefined;
  const groups = json.weightsManifest;
  if (
    !json.modelTopology ||
    !Array.isArray(groups) ||
    groups.length !== 1 ||
    groups[0].paths?.length !== 1 ||
    groups[0].paths[0] !== 'weights.bin' ||
    !meta
  ) {
    throw badFile('model.json', 'it lacks the topology, the single weights.bin weight group or the workbench metadata');
  }
  return {
    kind: 'mlp',
    task: meta.task as MlpArtifact['task'],
    modelTopology: json.modelTopology,
    weightSpecs: groups[0].weights,
    weightData: files.get('weights.bin') as Uint8Array,
    yCenter: meta.yCenter as number,
    yScale: meta.yScale as number,
  };
}
