/**
 * The UI thread's handle on the predict worker: started on first use, kept
 * while the app runs (it holds the loaded versions), started afresh after a
 * crash. A crashed or unreadable call answers `worker.crashed`.
 */
import * as Comlink from 'comlink';
import type { ErrorCode } from '../../core/errors.ts';
import type { RequestRow } from '../../core/serving/predict/rows-to-table.ts';
import type { Result } from './data-protocol.ts';
import type { CsvPrediction, PredictWorkerApi, RowPrediction, VersionInputs } from './predict-protocol.ts';

/** What the Predict state asks of the worker. */
export interface PredictClient {
  describe(versionId: string): Promise<Result<VersionInputs>>;
  scoreRow(versionId: string, row: RequestRow): Promise<Result<RowPrediction>>;
  /** Hands the file to the worker, which reads its bytes (the UI thread never holds them). */
  scoreCsv(
    versionId: string,
    file: Blob,
    onProgress: (done: number, total: number) => void,
  ): Promise<Result<CsvPrediction>>;
}

interface Running {
  worker: Worker;
  remote: Comlink.Remote<PredictWorkerApi>;
  /** Settles when the worker dies, so pending calls do not wait forever. */
  died: Promise<Result<never>>;
}

/**
 * @example
 * const predict = createPredictClient();
 * const result = await predict.scoreRow('iris@2', { sepal_length: 5.1, … });
 */
export function createPredictClient(): PredictClient {
  let running: Running | null = null;

  function start(): Running {
    const worker = new Worker(new URL('./predict.worker.ts', import.meta.url), { type: 'module' });
    const remote = Comlink.wrap<PredictWorkerApi>(worker);
    const died = new Promise<Result<never>>((resolve) => {
      const fail = (reason: string) => {
        if (running?.worker === worker) running = null;
        remote[Comlink.releaseProxy]();
        worker.terminate();
        resolve(crashed(reason));
      };
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        fail(event.message || 'it could not start');
      });
      worker.addEventListener('messageerror', () => fail('it sent a message the page could not read'));
    });
    return { worker, remote, died };
  }

  async function call<T>(work: (remote: Comlink.Remote<PredictWorkerApi>) => Promise<Result<T>>): Promise<Result<T>> {
    running ??= start();
    const { remote, died } = running;
    try {
      return await Promise.race([work(remote), died]);
    } catch (error) {
      return crashed(error instanceof Error ? error.message : String(error));
    }
  }

  return {
    describe: (versionId) => call((r) => r.describe(versionId)),
    scoreRow: (versionId, row) => call((r) => r.scoreRow(versionId, row)),
    scoreCsv: (versionId, file, onProgress) => call((r) => r.scoreCsv(versionId, file, Comlink.proxy(onProgress))),
  };
}

function crashed(reason: string): { ok: false; error: { code: ErrorCode; message: string } } {
  return {
    ok: false,
    error: {
      code: 'worker.crashed',
      message: `The predict worker stopped (${reason}). Try again; it restarts on the next request.`,
    },
  };
}
