/**
 * Puts real records in a test workspace the way the app does: the iris
 * sample saved as a dataset version through the data client, and a small
 * forest trained on it through the trainer.
 */
import type { DatasetVersion } from '../../../../src/core/data/versions/dataset-version.ts';
import { defaultPipelineSpec, type PipelineSpec } from '../../../../src/core/train/pipeline-spec.ts';
import type { RunRecord } from '../../../../src/core/train/run-record.ts';
import { DataState } from '../../../../src/state/data-state.svelte.ts';
import { TrainState } from '../../../../src/state/train-state.svelte.ts';
import type { WorkspaceContext } from '../../../../src/state/workspace-context.ts';
import { registerRun, transition } from '../../../../src/core/registry/registry-service.ts';
import { csvFile, sampleCsv, testContext, type TestContext } from './test-context.ts';

/** Saves `csv` (the iris sample by default) as a version named `name`. */
export async function saveVersion(
  context: WorkspaceContext,
  name = 'iris',
  csv = sampleCsv('iris'),
): Promise<DatasetVersion> {
  const data = new DataState(context);
  if (!(await data.loadFile(csvFile(csv, `${name}.csv`))) || !(await data.save(name, ''))) {
    throw new Error(`Could not save ${name}: ${data.error}`);
  }
  return data.lastSave!.version;
}

/** A forest of five trees predicting the iris species: quick to train, deterministic. */
export function forestSpec(versionId: string, seed = 42): PipelineSpec {
  const spec = defaultPipelineSpec(versionId, 'species', 'forest', seed);
  return { ...spec, model: { ...spec.model, trees: 5 } as PipelineSpec['model'] };
}

/** Trains {@link forestSpec} on `versionId` and returns the stored run. */
export async function trainRun(context: WorkspaceContext, versionId: string): Promise<RunRecord> {
  const training = new TrainState(context);
  const run = await training.start(forestSpec(versionId), { backend: 'auto' });
  if (!run) throw new Error(`Training failed: ${training.error}`);
  return run;
}

/** A workspace where the iris forest is registered as "iris" and v1 serves production. */
export async function servedIris(): Promise<{ context: TestContext; version: DatasetVersion }> {
  const context = testContext();
  const version = await saveVersion(context);
  const run = await trainRun(context, version.id);
  await registerRun(context.store, { run, modelName: 'iris', actor: 'ana', now: context.now() });
  await transition(context.store, {
    modelName: 'iris',
    version: 1,
    to: 'Production',
    actor: 'ana',
    now: context.now(),
  });
  return { context, version };
}
