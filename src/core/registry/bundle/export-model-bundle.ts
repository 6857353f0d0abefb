import { WorkbenchError } from '../../errors.ts';
import { sha256Hex } from '../../hash/sha256.ts';
import { decodeArtifact, encodeArtifact } from '../../train/model-artifact-codec.ts';
import type { RunRecord } from '../../train/run-record.ts';
import type { ModelVersion } from '../registry-types.ts';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  MANIFEST_FILE,
  bundleFolderName,
  type BundleManifest,
} from './bundle-format.ts';
import { zipDeterministic } from './deterministic-zip.ts';
import { artifactFromFiles, jsonBytes, modelFiles } from './model-files.ts';

/** What {@link exportModelBundle} packs. */
export interface ExportBundleInput {
  version: ModelVersion;
  /** The run that trained the version (its spec and fitted preprocessing go in the bundle). */
  run: RunRecord;
  /** The encoded artifact from the blob store (SHA-256 = `version.artifactBlob`). */
  artifactBytes: Uint8Array;
  modelCardMarkdown: string;
}

const utf8 = new TextEncoder();

/**
 * Packs a model version as a zip holding one folder `<modelName>-v<version>/`:
 * the model in an open format (TF.js Layers `model.json` + `weights.bin`,
 * `forest.json` or `linear-model.json`), `preprocessing.json`,
 * `pipeline.json`, `signature.json`, `model-card.md`, `version.json`, and
 * `manifest.json` with every other file's SHA-256 and size and the hash of
 * the encoded artifact, so an import can verify everything and rebuild the
 * exact blob. The same inputs give byte-identical zips.
 *
 * @example
 * const zip = await exportModelBundle({ version, run, artifactBytes, modelCardMarkdown });
 */
export async function exportModelBundle(input: ExportBundleInput): Promise<Uint8Array> {
  const { version, run, artifactBytes, modelCardMarkdown } = input;
  if ((await sha256Hex(artifactBytes)) !== version.artifactBlob) {
    throw new WorkbenchError(
      'bundle.artifact_mismatch',
      `The stored model of ${version.id} does not match its registered checksum, so it cannot be exported. The blob store may be damaged: restore it from a backup or register a new version.`,
    );
  }
  if (run.id !== version.runId || run.outcome === null) {
    throw new WorkbenchError(
      'bundle.wrong_run',
      `Run ${run.id} is not the completed run that trained ${version.id} (run ${version.runId}). Pass that version's own run.`,
    );
  }
  const artifact = decodeArtifact(artifactBytes);
  if (artifact.kind !== version.modelKind) {
    throw new WorkbenchError(
      'bundle.artifact_mismatch',
      `${version.id} is registered as a ${version.modelKind} model but its stored model is a ${artifact.kind}. Register the version again from its run.`,
    );
  }

  const files: [string, Uint8Array][] = [
    ['version.json', jsonBytes(version)],
    ...modelFiles(artifact, run.environment.tfjsVersion),
    ['preprocessing.json', jsonBytes(run.outcome.preprocessor)],
    ['pipeline.json', jsonBytes(run.spec)],
    ['signature.json', jsonBytes(version.signature)],
    ['model-card.md', utf8.encode(modelCardMarkdown)],
  ];

  // Refuse now rather than hand out a bundle that its own import would reject.
  const rebuilt = encodeArtifact(artifactFromFiles(artifact.kind, new Map(files)));
  if ((await sha256Hex(rebuilt)) !== version.artifactBlob) {
    throw new WorkbenchError(
      'bundle.not_rebuildable',
      `The model of ${version.id} cannot be exported in a form that rebuilds it exactly. Retrain and register it again, then export.`,
    );
  }

  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    modelName: version.modelName,
    version: version.version,
    modelKind: version.modelKind,
    artifactBlob: version.artifactBlob,
    artifactBytes: artifactBytes.length,
    files: await Promise.all(
      files.map(async ([path, bytes]) => ({ path, sha256: await sha256Hex(bytes), bytes: bytes.length })),
    ),
  };
  const folder = bundleFolderName(version.modelName, version.version);
  const all: [string, Uint8Array][] = [[MANIFEST_FILE, jsonBytes(manifest)], ...files];
  return zipDeterministic(all.map(([path, bytes]) => [`${folder}/${path}`, bytes]));
}
