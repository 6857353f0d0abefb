/**
 * A replay worker: one per job. It reads the dataset version and the
 * models from the workspace database itself (no table crosses to the UI
 * thread), scores, routes and stores the prediction log and verdict, or
 * validates and makes a deploy. TF.js is loaded only for an MLP.
 */
import * as Comlink from 'comlink';
import { WorkbenchError, toErrorInfo } from '../../core/errors.ts';
import { IdbWorkspaceStore } from '../idb-store/idb-workspace-store.ts';
import { deployJob, replayJob, type JobDeps } from './replay-jobs.ts';
import type { ReplayWorkerApi } from './replay-protocol.ts';

const store = new IdbWorkspaceStore();
const deps: JobDeps = {
  // Loaded on demand: only an MLP needs TF.js, and parsing it delays every replay's start.
  tf: async () => (await (await import('../tf-backend/browser-backend.ts')).selectBackend('auto')).runtime,
  clock: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
/** Set by Stop; one worker runs one job, so one flag is enough. */
let stopRequested = false;

async function attempt<T>(work: () => Promise<T>) {
  try {
    return { ok: true as const, value: await work() };
  } catch (error) {
    if (!(error instanceof WorkbenchError)) console.error(error);
    return { ok: false as const, error: toErrorInfo(error) };
  }
}

const api: ReplayWorkerApi = {
  replay: (request, onProgress) => attempt(() => replayJob(store, request, deps, onProgress, () => stopRequested)),
  deploy: (request) => attempt(() => deployJob(store, request, deps)),
  stop: () => {
    stopRequested = true;
  },
};

Comlink.expose(api);
