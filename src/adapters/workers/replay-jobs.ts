/**
 * What the replay worker does, over any store: read the dataset version
 * the job names, then run the core (simulateRollout, deployVersion). The
 * worker calls these with IndexedDB and the browser's TF.js; the state
 * tests call them in-process over the memory store.
 */
import { decodeTable } from '../../core/data/versions/canonical-encoding.ts';
import type { DataTable } from '../../core/data/types.ts';
import { WorkbenchError } from '../../core/errors.ts';
import { modelEntry } from '../../core/models/catalogue.ts';
import type { TfRuntime } from '../../core/models/tf-runtime.ts';
import type { WorkspaceStore } from '../../core/ports.ts';
import { readRegistry, resolveVersion } from '../../core/registry/registry-snapshot.ts';
import { deployVersion } from '../../core/serving/deployments/deployment-service.ts';
import { parseModelRef, resolveModelRef } from '../../core/serving/predict/model-ref.ts';
import {
  simulateRollout,
  type ReplayProgress,
  type SimulationReport,
} from '../../core/serving/strategies/simulate-rollout.ts';
import type { DeployOutcome, DeployRequest, ReplayRequest } from './replay-protocol.ts';

export interface JobDeps {
  /** TF.js, asked for only when a model kind runs on it. */
  tf: () => Promise<TfRuntime>;
  /** Monotonic milliseconds. */
  clock: () => number;
  /** Waits about `ms` milliseconds (pacing a replay). */
  sleep: (ms: number) => Promise<void>;
}

/** Loads a stored dataset version's table. @throws WorkbenchError `serving.no_traffic` */
export async function readDatasetTable(store: WorkspaceStore, id: string): Promise<DataTable> {
  const version = await store.getDatasetVersion(id);
  const bytes = version && (await store.getBlob(version.id));
  if (!version || !bytes) {
    throw new WorkbenchError(
      'serving.no_traffic',
      `Dataset version ${id.slice(0, 12)} is not in this workspace. Pick another version as the request stream, or save the data as a version first.`,
    );
  }
  return decodeTable(bytes);
}

async function runtimeFor(kinds: string[], deps: JobDeps): Promise<TfRuntime | null> {
  return kinds.some((kind) => modelEntry(kind).runtime === 'tfjs') ? deps.tf() : null;
}

/** Replays a dataset version under a strategy and stores the log and verdict (see simulateRollout). */
export async function replayJob(
  store: WorkspaceStore,
  request: ReplayRequest,
  deps: JobDeps,
  onProgress: (p: ReplayProgress) => void,
  stopped: () => boolean = () => false,
): Promise<SimulationReport> {
  const traffic = await readDatasetTable(store, request.datasetVersionId);
  const snapshot = await readRegistry(store);
  const kinds = [request.stable, request.candidate].map(
    (ref) => resolveModelRef(snapshot, parseModelRef(ref)).modelKind,
  );
  const { datasetVersionId: _, speed, ...input } = request;
  const pacing = speed > 0 ? { speed, clock: deps.clock, sleep: deps.sleep, stopped } : undefined;
  return simulateRollout(
    store,
    { ...input, traffic },
    { clock: deps.clock, tf: await runtimeFor(kinds, deps), onProgress, pacing },
  );
}

/** Validates and deploys a version (see deployVersion); a blocked deploy is an outcome, not an error. */
export async function deployJob(store: WorkspaceStore, request: DeployRequest, deps: JobDeps): Promise<DeployOutcome> {
  const data = request.datasetVersionId === null ? null : await readDatasetTable(store, request.datasetVersionId);
  const version = resolveVersion(await readRegistry(store), request.modelName, request.ref);
  const result = await deployVersion(
    store,
    { modelName: request.modelName, ref: request.ref, env: request.env, actor: request.actor, now: request.now },
    data,
    await runtimeFor([version.modelKind], deps),
  );
  return result.blocked
    ? { blocked: true, checks: result.checks, failed: result.failed }
    : { blocked: false, deployment: result.deployment, replaced: result.replaced, checks: result.checks };
}
