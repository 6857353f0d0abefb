/**
 * The UI thread's handle on one training run. Each run gets its own worker,
 * so Cancel is `worker.terminate()`: training stops at once, whatever the
 * model is doing, and nothing the worker had not yet written is stored.
 */
import * as Comlink from 'comlink';
import type { ErrorCode } from '../../core/errors.ts';
import type { RunRecord } from '../../core/train/run-record.ts';
import type { Result } from './data-protocol.ts';
import type { TrainEvent, TrainRequest, TrainWorkerApi } from './train-protocol.ts';

/** A run in progress. */
export interface TrainJob {
  /**
   * The stored run (completed or failed), or an error: `train.cancelled`
   * after {@link TrainJob.cancel}, `worker.crashed` if the worker died.
   */
  result: Promise<Result<RunRecord>>;
  /** Stops the worker now; `result` then settles as `train.cancelled`. */
  cancel(): void;
}

/**
 * Starts a worker for one run and sends it the request; the worker is
 * stopped when the run ends, however it ends.
 *
 * @example
 * const job = startTraining(request, (event) => console.log(event.kind));
 * const result = await job.result;
 */
export function startTraining(request: TrainRequest, onEvent: (event: TrainEvent) => void): TrainJob {
  const worker = new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap<TrainWorkerApi>(worker);
  let settle: (result: Result<RunRecord>) => void = () => {};
  const stopped = new Promise<Result<RunRecord>>((resolve) => (settle = resolve));
  let ended = false;

  const end = (result: Result<RunRecord>) => {
    if (ended) return;
    ended = true;
    remote[Comlink.releaseProxy]();
    worker.terminate();
    settle(result);
  };
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    end(
      failure(
        'worker.crashed',
        `The training worker stopped (${event.message || 'it could not start'}). Reload the page and try again.`,
      ),
    );
  });
  worker.addEventListener('messageerror', () => {
    end(
      failure(
        'worker.crashed',
        'The training worker sent a message the page could not read. Reload the page and try again.',
      ),
    );
  });

  // Events can still be queued after the result: drop them once the run has ended.
  const listener = Comlink.proxy((event: TrainEvent) => {
    if (!ended) onEvent(event);
  });
  remote.train(request, listener).then(
    (result) => end(result),
    (error: unknown) =>
      end(
        failure(
          'worker.crashed',
          `The training worker failed: ${error instanceof Error ? error.message : String(error)}. Reload the page and try again.`,
        ),
      ),
  );

  return {
    result: stopped,
    cancel: () => end(failure('train.cancelled', 'Training was cancelled.')),
  };
}

function failure(code: ErrorCode, message: string): Result<RunRecord> {
  return { ok: false, error: { code, message } };
}
