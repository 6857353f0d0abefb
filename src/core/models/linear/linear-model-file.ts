import type { ModelFileMap } from '../model-entry.ts';
import { badFile, jsonBytes, parseJsonFile } from '../model-file-io.ts';

/** Name of our own `linear-model.json` format. */
export const LINEAR_MODEL_FORMAT = 'mlops-workbench-linear-model';
/** Version of the `linear-model.json` format. */
export const LINEAR_MODEL_FORMAT_VERSION = 1;
/** The bundle file a linear model is exported as (named so nobody takes it for a TF.js model.json). */
export const LINEAR_MODEL_FILE = 'linear-model.json';

/** Content of `linear-model.json`: the fitted coefficients and how to use them. */
export interface LinearModelFile {
  format: typeof LINEAR_MODEL_FORMAT;
  formatVersion: typeof LINEAR_MODEL_FORMAT_VERSION;
  /** The model kind, as in the pipeline spec. */
  kind: string;
  /** How to predict with `model`, for anyone reading the file without the workbench. */
  prediction: string;
  model: unknown;
}

/** The file's bytes for a fitted linear model of `kind`. */
export function writeLinearModelFile(kind: string, prediction: string, model: unknown): [string, Uint8Array] {
  const file: LinearModelFile = {
    format: LINEAR_MODEL_FORMAT,
    formatVersion: LINEAR_MODEL_FORMAT_VERSION,
    kind,
    prediction,
    model,
  };
  return [LINEAR_MODEL_FILE, jsonBytes(file)];
}

/** The `model` of a `linear-model.json` written for `kind`, refusing any other file. */
export function readLinearModelFile(kind: string, files: ModelFileMap): object {
  const file = parseJsonFile(LINEAR_MODEL_FILE, files) as Partial<LinearModelFile>;
  if (
    file.format !== LINEAR_MODEL_FORMAT ||
    file.formatVersion !== LINEAR_MODEL_FORMAT_VERSION ||
    file.kind !== kind ||
    typeof file.model !== 'object' ||
    file.model === null
  ) {
    throw badFile(LINEAR_MODEL_FILE, `it is not a version ${LINEAR_MODEL_FORMAT_VERSION} ${kind} model file`);
  }
  return file.model;
}
