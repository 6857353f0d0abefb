import { WorkbenchError } from '../../errors.ts';
import { canonicalJson } from '../../hash/canonical-json.ts';
import { sha256HexSync } from '../../hash/sha256.ts';
import type { WorkspaceStore } from '../../ports.ts';
import type { ModelVersion } from '../../registry/registry-types.ts';
import { decodeArtifact } from '../../train/model-artifact-codec.ts';
import type { PipelineSpec } from '../../train/pipeline-spec.ts';
import type { Preprocessor } from '../../train/preprocess.ts';
import { WORKBENCH_VERSION } from '../../version.ts';
import type { OnnxExportInput } from './export-onnx.ts';

/** SHA-256 of a pipeline spec's canonical JSON: the same spec always gives the same hash. */
export function pipelineSpecHash(spec: PipelineSpec): string {
  return sha256HexSync(canonicalJson(spec));
}

/**
 * Gathers what {@link exportOnnx} needs for a version from the workspace:
 * the decoded artifact, and the preprocessing and spec from its run — or,
 * for an imported version, from the run part its import stored.
 *
 * @throws WorkbenchError `onnx.missing_artifact` when the model blob, or the preprocessing, is not here
 */
export async function onnxExportInput(store: WorkspaceStore, version: ModelVersion): Promise<OnnxExportInput> {
  const bytes = await store.getBlob(version.artifactBlob);
  if (!bytes) {
    throw new WorkbenchError(
      'onnx.missing_artifact',
      `The stored model of ${version.id} (blob ${version.artifactBlob.slice(0, 12)}) is missing from this workspace, so there is nothing to export. Run workbench audit verify to see what else is damaged, and import the version's bundle again or register the run again.`,
    );
  }
  const part = await runPart(store, version);
  if (!part) {
    throw new WorkbenchError(
      'onnx.missing_artifact',
      `The training run ${version.runId} of ${version.id} is not in this workspace, so its fitted preprocessing is unknown and the ONNX model could not take raw columns. Import the version's bundle, or register a run trained here.`,
    );
  }
  return {
    version,
    preprocessor: part.preprocessor,
    artifact: decodeArtifact(bytes),
    specHash: pipelineSpecHash(part.spec),
    producerVersion: WORKBENCH_VERSION,
  };
}

async function runPart(
  store: WorkspaceStore,
  version: ModelVersion,
): Promise<{ preprocessor: Preprocessor; spec: PipelineSpec } | null> {
  const run = await store.getRun(version.runId);
  if (run?.outcome) return { preprocessor: run.outcome.preprocessor, spec: run.spec };
  let runBlob: string | null = null;
  for (const e of await store.listAudit())
    if (e.type === 'model.imported' && e.subject === version.id) runBlob = e.data.runBlob;
  const blob = runBlob === null ? undefined : await store.getBlob(runBlob);
  if (!blob) return null;
  const stored = JSON.parse(new TextDecoder().decode(blob)) as { preprocessor?: Preprocessor; spec?: PipelineSpec };
  return stored.preprocessor && stored.spec ? { preprocessor: stored.preprocessor, spec: stored.spec } : null;
}
