/**
 * The replay worker's jobs run in-process over the test store (the same
 * replayJob/deployJob the worker calls). Models here are forests, so no
 * TF.js is needed; asking for it fails the job as the worker would.
 */
import type { Result } from '../../../../src/adapters/workers/data-protocol.ts';
import type { Replayer, ReplayJob } from '../../../../src/adapters/workers/replay-client.ts';
import { deployJob, replayJob, type JobDeps } from '../../../../src/adapters/workers/replay-jobs.ts';
import { toErrorInfo } from '../../../../src/core/errors.ts';
import type { WorkspaceStore } from '../../../../src/core/ports.ts';

const deps: JobDeps = {
  tf: () => Promise.reject(new Error('These tests replay forests only.')),
  clock: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

function job<T>(work: (stopped: () => boolean) => Promise<T>): ReplayJob<T> {
  let stop = false;
  const result: Promise<Result<T>> = work(() => stop).then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error: toErrorInfo(error) }),
  );
  return { result, cancel: () => {}, stop: () => (stop = true) };
}

export function inProcessReplayer(store: WorkspaceStore): Replayer & { progress: string[] } {
  const progress: string[] = [];
  return {
    progress,
    replay: (request, onProgress) =>
      job((stopped) =>
        replayJob(
          store,
          request,
          deps,
          (p) => {
            progress.push(p.phase);
            onProgress(p);
          },
          stopped,
        ),
      ),
    deploy: (request) => job(() => deployJob(store, request, deps)),
  };
}
