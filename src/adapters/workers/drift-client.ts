/**
 * The UI thread's handle on the drift worker. It hides Comlink: tables are
 * transferred (not copied), and a worker that dies rejects every pending call
 * instead of leaving it hanging.
 */
import * as Comlink from 'comlink';
import { workerCrash } from './worker-crash.ts';
import type { DataTable } from '../../core/data/types.ts';
import type { DriftOptions } from '../../core/monitor/drift/types.ts';
import type { TestComparison } from '../../core/monitor/lab/test-comparisons.ts';
import type {
  ComparisonRequest,
  DriftComparison,
  DriftProgress,
  DriftResult,
  DriftWorkerApi,
} from './drift-protocol.ts';

export interface DriftClient {
  /** Compares two tables; their typed arrays are transferred and unusable afterwards. */
  compareTables(
    reference: DataTable,
    current: DataTable,
    options?: DriftOptions,
    progress?: DriftProgress,
  ): Promise<DriftResult<DriftComparison>>;
  compareVersions(
    referenceId: string,
    currentId: string,
    options?: DriftOptions,
    progress?: DriftProgress,
  ): Promise<DriftResult<DriftComparison>>;
  compareTests(request: ComparisonRequest): Promise<DriftResult<TestComparison>>;
  terminate(): void;
}

/** The buffers of a table's typed arrays not already in `seen`, to transfer to the worker (each once). */
function buffers(table: DataTable, seen = new Set<ArrayBuffer>()): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const c of table.columns) {
    const buffer = ('values' in c ? c.values : c.codes).buffer;
    if (buffer instanceof ArrayBuffer && !seen.has(buffer)) out.add(buffer);
  }
  return [...out];
}

/**
 * Starts the drift worker (a module worker bundled by Vite) and wraps it.
 *
 * @example
 * const drift = createDriftClient();
 * const result = await drift.compareVersions(trainingVersionId, newVersionId);
 */
export function createDriftClient(): DriftClient {
  const worker = new Worker(new URL('./drift.worker.ts', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap<DriftWorkerApi>(worker);
  const crashed = workerCrash(worker, 'The drift worker', 'Reload the page and try again.');
  const call = <P>(pending: P): Promise<Awaited<P>> => Promise.race([pending, crashed]);
  return {
    compareTables: (reference, current, options = {}, progress) => {
      const first = buffers(reference);
      const second = buffers(current, new Set(first));
      return call(
        remote.compareTables(
          Comlink.transfer(reference, first),
          Comlink.transfer(current, second),
          options,
          progress && Comlink.proxy(progress),
        ),
      );
    },
    compareVersions: (referenceId, currentId, options = {}, progress) =>
      call(remote.compareVersions(referenceId, currentId, options, progress && Comlink.proxy(progress))),
    compareTests: (request) => call(remote.compareTests(request)),
    terminate() {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
