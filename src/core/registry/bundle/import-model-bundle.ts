import { WorkbenchError } from '../../errors.ts';
import { sha256Hex } from '../../hash/sha256.ts';
import { encodeArtifact } from '../../train/model-artifact-codec.ts';
import type { PipelineSpec } from '../../train/pipeline-spec.ts';
import type { Preprocessor } from '../../train/preprocess.ts';
import type { ModelVersion } from '../registry-types.ts';
import { MANIFEST_FILE, MODEL_FILES, bundleFileNames, type BundleManifest } from './bundle-format.ts';
import { checkManifest, checkVersionRecord } from './check-bundle-records.ts';
import { checkVersionMetrics } from './check-version-metrics.ts';
import { unzipFiles } from './deterministic-zip.ts';
import { artifactFromFiles, badFile, parseJsonFile } from './model-files.ts';
import { validateBundleModel } from './validate-bundle-model.ts';

/** A verified bundle, ready for the workspace to store. */
export interface ImportedModelBundle {
  /** The version record as exported (its number, stage and aliases are the source workspace's). */
  version: ModelVersion;
  /** The encoded artifact, byte-identical to the exported blob: SHA-256 = `version.artifactBlob`. */
  artifactBytes: Uint8Array;
  /** What the bundle keeps of the training run: its id, pipeline spec and fitted preprocessing. */
  run: { id: string; spec: PipelineSpec; preprocessor: Preprocessor };
  cardMarkdown: string;
  manifest: BundleManifest;
}

/**
 * Reads a bundle made by {@link exportModelBundle} and verifies all of it:
 * the manifest and its format version, that the zip holds exactly the files
 * it lists, every file's SHA-256 and size, and that the model files rebuild
 * the exact encoded artifact of the version; then that the model itself is
 * sound (structure, shapes against bytes, finite numbers, preprocessing
 * consistent with the signature, a smoke prediction: see
 * {@link validateBundleModel}) and its metrics within range. Anything wrong
 * is refused with a WorkbenchError (`bundle.*`) naming the file at fault.
 *
 * @example
 * const { version, artifactBytes } = await importModelBundle(zipBytes);
 */
export async function importModelBundle(zipBytes: Uint8Array): Promise<ImportedModelBundle> {
  const entries = unzipFiles(zipBytes);
  const folder = findBundleFolder(entries);
  const files = new Map<string, Uint8Array>();
  for (const [name, bytes] of entries) {
    if (!name.startsWith(folder)) throw extraFile(name);
    files.set(name.slice(folder.length), bytes);
  }

  const manifest = checkManifest(parseJsonFile(MANIFEST_FILE, files));
  files.delete(MANIFEST_FILE);
  const expected = bundleFileNames(manifest.modelKind);
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const name of expected) {
    if (!listed.has(name)) {
      throw new WorkbenchError(
        'bundle.missing_file',
        `manifest.json does not list ${name}, which every ${manifest.modelKind} bundle has: the manifest was edited. Export the model again from the workbench.`,
      );
    }
    if (!files.has(name))
      throw new WorkbenchError(
        'bundle.missing_file',
        `${name} is listed in manifest.json but missing from the zip: the bundle is incomplete. Export it again from the workbench.`,
      );
  }
  for (const name of [...listed, ...files.keys()]) if (!expected.includes(name)) throw extraFile(name);

  for (const entry of manifest.files) {
    const bytes = files.get(entry.path) as Uint8Array;
    if (bytes.length !== entry.bytes || (await sha256Hex(bytes)) !== entry.sha256) {
      throw new WorkbenchError(
        'bundle.checksum',
        `${entry.path} does not match its checksum in manifest.json: the bundle is corrupted or was edited. Export it again from the workbench.`,
        { details: { file: entry.path } },
      );
    }
  }

  const version = checkVersionRecord(parseJsonFile('version.json', files));
  for (const key of ['modelName', 'version', 'modelKind', 'artifactBlob', 'artifactBytes'] as const) {
    if (version[key] !== manifest[key])
      throw badFile(
        'version.json',
        `its ${key} (${JSON.stringify(version[key])}) differs from manifest.json's (${JSON.stringify(manifest[key])})`,
      );
  }
  const spec = parseJsonFile('pipeline.json', files) as PipelineSpec;
  if (spec?.model?.kind !== version.modelKind)
    throw badFile('pipeline.json', `its model is not the ${version.modelKind} model of version.json`);
  const preprocessor = parseJsonFile('preprocessing.json', files) as Preprocessor;
  if (!Array.isArray(preprocessor?.steps) || !Array.isArray(preprocessor.outputNames))
    throw badFile('preprocessing.json', 'it is not a fitted preprocessor');
  if (JSON.stringify(parseJsonFile('signature.json', files)) !== JSON.stringify(version.signature))
    throw badFile('signature.json', 'it differs from the signature in version.json');

  const artifact = artifactFromFiles(version.modelKind, files);
  const artifactBytes = encodeArtifact(artifact);
  if (artifactBytes.length !== manifest.artifactBytes || (await sha256Hex(artifactBytes)) !== manifest.artifactBlob) {
    throw new WorkbenchError(
      'bundle.artifact_mismatch',
      `The model files (${MODEL_FILES[version.modelKind].join(', ')}) do not rebuild the model recorded in manifest.json and version.json: the bundle is inconsistent. Export it again from the workbench.`,
    );
  }
  // Matching hashes only prove the files are as the exporter wrote them; check that they hold a usable model.
  validateBundleModel(artifact, preprocessor, version.signature);
  checkVersionMetrics(version);
  const cardMarkdown = new TextDecoder().decode(files.get('model-card.md'));
  return { version, artifactBytes, run: { id: version.runId, spec, preprocessor }, cardMarkdown, manifest };
}

/** The folder prefix (`name-v3/`, or `` for a zip of the bare files) that holds manifest.json. */
function findBundleFolder(entries: Map<string, Uint8Array>): string {
  const manifests = [...entries.keys()].filter(
    (name) => name === MANIFEST_FILE || /^[^/]+\/manifest\.json$/.test(name),
  );
  if (manifests.length === 0) {
    throw new WorkbenchError(
      'bundle.no_manifest',
      'The zip has no manifest.json, so it is not a workbench model bundle (or it was repacked without it). Export the model again from the workbench.',
    );
  }
  if (manifests.length > 1) {
    throw new WorkbenchError(
      'bundle.several',
      `The zip holds ${manifests.length} bundles (${manifests.join(', ')}). Import them one at a time, each from its own zip.`,
    );
  }
  return manifests[0].slice(0, -MANIFEST_FILE.length);
}

function extraFile(name: string): WorkbenchError {
  return new WorkbenchError(
    'bundle.extra_file',
    `${name} is in the bundle but is not one of its files: the bundle was edited after export. Remove the file, or export the model again from the workbench.`,
    { details: { file: name } },
  );
}
