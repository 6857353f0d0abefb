/**
 * The UI thread's handle on replay jobs. Each job gets its own worker, so
 * Cancel is `worker.terminate()`: nothing the worker had not yet committed
 * is stored (the log and the verdict are written in one change at the end).
 */
import * as Comlink from 'comlink';
import type { ErrorCode } from '../../core/errors.ts';
import type { Result } from './data-protocol.ts';
import type {
  DeployOutcome,
  DeployRequest,
  ReplayProgress,
  ReplayRequest,
  ReplayWorkerApi,
  SimulationReport,
} from './replay-protocol.ts';

/** A job in progress. */
export interface ReplayJob<T> {
  /** The outcome, or an error: `serving.cancelled` after cancel, `worker.crashed` if the worker died. */
  result: Promise<Result<T>>;
  cancel(): void;
  /** Ends a paced replay where it is: the strategy decides on the requests replayed so far, which are stored. */
  stop(): void;
}

/** Runs serving jobs off the main thread (the state layer's view of the worker). */
export interface Replayer {
  replay(request: ReplayRequest, onProgress: (p: ReplayProgress) => void): ReplayJob<SimulationReport>;
  deploy(request: DeployRequest): ReplayJob<DeployOutcome>;
}

function startJob<T>(call: (remote: Comlink.Remote<ReplayWorkerApi>) => Promise<Result<T>>): ReplayJob<T> {
  const worker = new Worker(new URL('./replay.worker.ts', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap<ReplayWorkerApi>(worker);
  let settle: (result: Result<T>) => void = () => {};
  const result = new Promise<Result<T>>((resolve) => (settle = resolve));
  let ended = false;
  const end = (outcome: Result<T>) => {
    if (ended) return;
    ended = true;
    remote[Comlink.releaseProxy]();
    worker.terminate();
    settle(outcome);
  };
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    end(
      failure(
        'worker.crashed',
        `The replay worker stopped (${event.message || 'it could not start'}). Reload the page and try again.`,
      ),
    );
  });
  call(remote).then(end, (error: unknown) =>
    end(
      failure(
        'worker.crashed',
        `The replay worker failed: ${error instanceof Error ? error.message : String(error)}. Reload the page and try again.`,
      ),
    ),
  );
  return {
    result,
    cancel: () => end(failure('serving.cancelled', 'The replay was cancelled; nothing was stored.')),
    stop: () => {
      if (!ended) void remote.stop();
    },
  };
}

/** The browser's replayer: one module worker per job. */
export const workerReplayer: Replayer = {
  replay(request, onProgress) {
    let open = true;
    const job = startJob<SimulationReport>((remote) =>
      remote.replay(
        request,
        Comlink.proxy((p: ReplayProgress) => {
          if (open) onProgress(p);
        }),
      ),
    );
    job.result.then(() => (open = false));
    return job;
  },
  deploy(request) {
    return startJob<DeployOutcome>((remote) => remote.deploy(request));
  },
};

function failure<T>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
