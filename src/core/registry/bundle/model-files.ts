import { WorkbenchError } from '../../errors.ts';
import type { MlpArtifact } from '../../models/mlp/mlp-model.ts';
import type { ModelArtifact } from '../../train/train-model.ts';
import type { ModelKind } from '../../train/pipeline-spec.ts';

const utf8 = new TextEncoder();

/** Name of our own `linear-model.json` format. */
export const LINEAR_MODEL_FORMAT = 'mlops-workbench-linear-model';
/** Version of the `linear-model.json` format. */
export const LINEAR_MODEL_FORMAT_VERSION = 1;

/** Where an MLP's workbench-only fields live in model.json (TF.js keeps `userDefinedMetadata` as is). */
export const MLP_METADATA_KEY = 'mlopsWorkbench';

/** Content of `linear-model.json`: the fitted coefficients and how to use them. */
export interface LinearModelFile {
  format: typeof LINEAR_MODEL_FORMAT;
  formatVersion: typeof LINEAR_MODEL_FORMAT_VERSION;
  kind: 'logistic' | 'linear';
  /** How to predict with `model`, for anyone reading the file without the workbench. */
  prediction: string;
  model: unknown;
}

const PREDICTION = {
  logistic:
    'x = the row transformed as preprocessing.json says, in its outputNames order. coef is row-major with `features` numbers per row. ' +
    'Two classes: coef has one row; P(class 1) = 1 / (1 + exp(-(coef·x + intercept[0]))), P(class 0) = 1 - P(class 1). ' +
    'More classes: one row per class; P = softmax over k of (coef[k]·x + intercept[k]). Class k is signature.json target.labels[k].',
  linear:
    'x = the row transformed as preprocessing.json says, in its outputNames order. prediction = coef·x + intercept.',
};

/** Pretty JSON with a final newline: readable in an unpacked folder, and byte-stable. */
export function jsonBytes(value: unknown): Uint8Array {
  return utf8.encode(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * The model's own files in the bundle. For the MLP, model.json is what
 * TF.js's `LayersModel.save` writes (same keys, same order) with one weight
 * group read from weights.bin; the workbench's regression scaling and task
 * go in `userDefinedMetadata`.
 *
 * @param tfjsVersion TF.js version that trained the model, for model.json's `generatedBy`.
 */
export function modelFiles(artifact: ModelArtifact, tfjsVersion: string): [string, Uint8Array][] {
  switch (artifact.kind) {
    case 'mlp': {
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
    case 'forest':
      // The serialized forest already is a documented JSON format; its text is kept byte for byte.
      return [['forest.json', utf8.encode(artifact.forest)]];
    case 'logistic':
    case 'linear': {
      const file: LinearModelFile = {
        format: LINEAR_MODEL_FORMAT,
        formatVersion: LINEAR_MODEL_FORMAT_VERSION,
        kind: artifact.kind,
        prediction: PREDICTION[artifact.kind],
        model: artifact.model,
      };
      return [['linear-model.json', jsonBytes(file)]];
    }
  }
}

/**
 * Rebuilds the artifact from the model's files, as {@link modelFiles} wrote
 * them. Key order matters: the caller re-encodes it and compares the hash
 * with the registered blob, so objects are built in the order training
 * builds them.
 */
export function artifactFromFiles(kind: ModelKind, files: Map<string, Uint8Array>): ModelArtifact {
  switch (kind) {
    case 'mlp': {
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
        throw badFile(
          'model.json',
          'it lacks the topology, the single weights.bin weight group or the workbench metadata',
        );
      }
      const weightData = files.get('weights.bin') as Uint8Array;
      return {
        kind: 'mlp',
        task: meta.task as MlpArtifact['task'],
        modelTopology: json.modelTopology,
        weightSpecs: groups[0].weights,
        weightData,
        yCenter: meta.yCenter as number,
        yScale: meta.yScale as number,
      };
    }
    case 'forest': {
      const bytes = files.get('forest.json') as Uint8Array;
      try {
        return { kind: 'forest', forest: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
      } catch (cause) {
        throw badFile('forest.json', 'it is not UTF-8 text', cause);
      }
    }
    case 'logistic':
    case 'linear': {
      const file = parseJsonFile('linear-model.json', files) as Partial<LinearModelFile>;
      if (
        file.format !== LINEAR_MODEL_FORMAT ||
        file.formatVersion !== LINEAR_MODEL_FORMAT_VERSION ||
        file.kind !== kind ||
        typeof file.model !== 'object'
      ) {
        throw badFile('linear-model.json', `it is not a version ${LINEAR_MODEL_FORMAT_VERSION} ${kind} model file`);
      }
      return { kind, model: file.model } as ModelArtifact;
    }
  }
}

/** Parses one bundle file as JSON, refusing with the file's name. */
export function parseJsonFile(name: string, files: Map<string, Uint8Array>): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(files.get(name)));
  } catch (cause) {
    throw badFile(name, 'it is not valid JSON', cause);
  }
}

/** A bundle file that passed its checksum but cannot be used. */
export function badFile(name: string, why: string, cause?: unknown): WorkbenchError {
  return new WorkbenchError(
    'bundle.bad_file',
    `${name} cannot be read: ${why}. Export the model again from the workbench.`,
    { cause },
  );
}
