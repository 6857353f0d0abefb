import { MODEL_CATALOGUE } from '../../models/catalogue.ts';
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
 * The model's own files, per kind, as the model catalogue names them. The
 * MLP is TF.js Layers format (what `tf.loadLayersModel` reads); logistic and
 * ridge use our documented `linear-model.json` (named so nobody takes it
 * for a TF.js model.json). A null-prototype record: a kind read from a
 * bundle is looked up with `Object.hasOwn`.
 */
export const MODEL_FILES: Readonly<Record<ModelKind, readonly string[]>> = Object.assign(
  Object.create(null) as Record<ModelKind, readonly string[]>,
  Object.fromEntries(MODEL_CATALOGUE.map((entry) => [entry.kind, entry.fileNames])),
);

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
