import { WorkbenchError } from '../../errors.ts';
import type { TfRuntime } from '../../models/tf-runtime.ts';
import type { WorkspaceStore } from '../../ports.ts';
import type { ModelVersion } from '../../registry/registry-types.ts';
import { decodeArtifact } from '../../train/model-artifact-codec.ts';
import type { Preprocessor } from '../../train/preprocess.ts';
import { openPredictor, type Predictor } from '../../train/train-model.ts';

/**
 * A registered version loaded for scoring: its artifact opened once, with
 * the preprocessing fitted in its training run, so predictions go through
 * exactly the transform training used.
 */
export interface ServingModel {
  version: ModelVersion;
  preprocessor: Preprocessor;
  predictor: Predictor;
  /** Class labels as the user wrote them (empty for regression). */
  labels: string[];
  task: ModelVersion['signature']['task'];
}

/**
 * Loads a version's artifact and preprocessing from the workspace: the
 * preprocessing comes from its run, or — for a version imported from a
 * bundle, whose run is elsewhere — from the run part the import stored as a
 * blob. Dispose the predictor (MLP weights) when done.
 *
 * @param tf TF.js for kinds that run on it (the MLP); null for the others
 *
 * @throws WorkbenchError `serving.no-artifact`, `serving.no-preprocessing`, `model.corrupt`
 */
export async function loadServingModel(
  store: WorkspaceStore,
  version: ModelVersion,
  tf: TfRuntime | null = null,
): Promise<ServingModel> {
  const bytes = await store.getBlob(version.artifactBlob);
  if (!bytes) {
    throw new WorkbenchError(
      'serving.no_artifact',
      `Version ${version.version} of "${version.modelName}" has no model artifact in this workspace (blob ${version.artifactBlob.slice(0, 12)} is missing). Import its bundle again, or register a run trained here.`,
    );
  }
  const artifact = decodeArtifact(bytes);
  const preprocessor = await findPreprocessor(store, version);
  const predictor = await openPredictor(artifact, preprocessor.outputNames.length, { tf });
  return {
    version,
    preprocessor,
    predictor,
    labels: [...version.signature.target.labels],
    task: version.signature.task,
  };
}

async function findPreprocessor(store: WorkspaceStore, version: ModelVersion): Promise<Preprocessor> {
  const run = await store.getRun(version.runId);
  if (run?.outcome) return run.outcome.preprocessor;
  let runBlob: string | null = null;
  for (const e of await store.listAudit())
    if (e.type === 'model.imported' && e.subject === version.id) runBlob = e.data.runBlob;
  const blob = runBlob === null ? undefined : await store.getBlob(runBlob);
  if (blob) {
    const part = JSON.parse(new TextDecoder().decode(blob)) as { preprocessor?: Preprocessor };
    if (part.preprocessor) return part.preprocessor;
  }
  throw new WorkbenchError(
    'serving.no_preprocessing',
    `The training run ${version.runId} of ${version.id} is not in this workspace, so its preprocessing is unknown. Import the version's bundle, or register a run trained here.`,
  );
}
