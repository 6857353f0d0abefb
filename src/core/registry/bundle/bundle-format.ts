import type { ModelKind } from '../../train/pipeline-spec.ts';

/** Name written in every bundle's manifest.json, so other zips are told apart. */
export const BUNDLE_FORMAT = 'mlops-workbench-model-bundle';
/** Bumped when the bundle layout changes in a way older workbenches cannot read. */
export const BUNDLE_FORMAT_VERSION = 1;

/** The file in each bundle that lists every other file with its checksum. */
export const MANIFEST_FILE = 'manifest.json';

/** Files every bundle has, whatever the model. */
export const COMMON_FILES = [
  'version.json',
  'preprocessing.json',
  'pipeline.json',
  'signature.json',
  'model-card.md',
] as const;

/**
 * The model's own files, per kind. The MLP is TF.js Layers format (what
 * `tf.loadLayersModel` reads); logistic and ridge use our documented
 * `linear-model.json` (named so nobody takes it for a TF.js model.json).
 */
export const MODEL_FILES: Record<ModelKind, readonly string[]> = {
  mlp: ['model.json', 'weights.bin'],
  forest: ['forest.json'],
  logistic: ['linear-model.json'],
  linear: ['linear-model.json'],
};

/** One file of a bundle as the manifest records it. */
export interface BundleFileEntry {
  /** Relative to the bundle folder, e.g. `weights.bin`. */
  path: string;
  sha256: string;
  bytes: number;
}

/** Content of manifest.json. */
export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  formatVersion: typeof BUNDLE_FORMAT_VERSION;
  modelName: string;
  version: number;
  modelKind: ModelKind;
  /** SHA-256 of the workbench's encoded model artifact (= the version's `artifactBlob`), rebuilt on import. */
  artifactBlob: string;
  artifactBytes: number;
  /** Every file but manifest.json, in the order they are written. */
  files: BundleFileEntry[];
}

/** Every file name a bundle of this kind holds besides manifest.json, in write order. */
export function bundleFileNames(kind: ModelKind): string[] {
  return ['version.json', ...MODEL_FILES[kind], ...COMMON_FILES.slice(1)];
}

/**
 * The folder the files sit in inside the zip.
 *
 * @example
 * bundleFolderName('churn', 3); // 'churn-v3'
 */
export function bundleFolderName(modelName: string, version: number): string {
  return `${modelName}-v${version}`;
}
