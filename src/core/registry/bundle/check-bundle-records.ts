import { WorkbenchError } from '../../errors.ts';
import { STAGES, type ModelVersion } from '../registry-types.ts';
import { checkModelName } from '../registry-validation.ts';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, MODEL_FILES, type BundleManifest } from './bundle-format.ts';
import { badFile } from './model-files.ts';

const SHA256 = /^[0-9a-f]{64}$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** Checks a parsed manifest.json: our format, a version this code reads, and a well-formed file list. */
export function checkManifest(value: unknown): BundleManifest {
  if (!isObject(value) || value.format !== BUNDLE_FORMAT) {
    throw new WorkbenchError(
      'bundle.unknown_format',
      `manifest.json does not describe a workbench model bundle (its format is ${JSON.stringify(isObject(value) ? value.format : value)}, not "${BUNDLE_FORMAT}"). Choose a zip exported by the workbench.`,
    );
  }
  if (value.formatVersion !== BUNDLE_FORMAT_VERSION) {
    throw new WorkbenchError(
      'bundle.unsupported_version',
      `manifest.json says this bundle uses format version ${JSON.stringify(value.formatVersion)}; this workbench reads version ${BUNDLE_FORMAT_VERSION}. Update the workbench, or export the model again from a workbench of this version.`,
    );
  }
  const files = value.files;
  const wellFormed =
    typeof value.modelName === 'string' &&
    isCount(value.version) &&
    typeof value.modelKind === 'string' &&
    Object.hasOwn(MODEL_FILES, value.modelKind) &&
    typeof value.artifactBlob === 'string' &&
    SHA256.test(value.artifactBlob) &&
    isCount(value.artifactBytes) &&
    Array.isArray(files) &&
    files.every((f) => isObject(f) && typeof f.path === 'string' && typeof f.sha256 === 'string' && isCount(f.bytes)) &&
    new Set(files.map((f) => f.path)).size === files.length;
  if (!wellFormed) throw badFile('manifest.json', 'its model, artifact or file list is missing or malformed');
  return value as unknown as BundleManifest;
}

/** Checks the parts of a parsed version.json that the import relies on. */
export function checkVersionRecord(value: unknown): ModelVersion {
  if (!isObject(value)) throw badFile('version.json', 'it is not a model version record');
  try {
    checkModelName(String(value.modelName));
  } catch (cause) {
    throw badFile('version.json', `its model name ${JSON.stringify(value.modelName)} is not a valid name`, cause);
  }
  const ok =
    Number.isSafeInteger(value.version) &&
    (value.version as number) >= 1 &&
    value.id === `${value.modelName}@${value.version}` &&
    typeof value.runId === 'string' &&
    typeof value.datasetVersionId === 'string' &&
    (STAGES as readonly unknown[]).includes(value.stage) &&
    Array.isArray(value.aliases) &&
    isObject(value.tags) &&
    isObject(value.metrics) &&
    isObject(value.signature) &&
    isObject(value.card) &&
    typeof value.artifactBlob === 'string' &&
    SHA256.test(value.artifactBlob);
  if (!ok)
    throw badFile('version.json', 'its id, version, run, stage, signature or artifact fields are missing or malformed');
  return value as unknown as ModelVersion;
}
