/**
 * The drift worker: sorting and binning millions of values runs here, never
 * on the UI thread. It reads saved dataset versions from its own connection
 * to the workspace database, so large tables never cross to the UI.
 */
import * as Comlink from 'comlink';
import { IdbWorkspaceStore } from '../idb-store/idb-workspace-store.ts';
import { decodeTable } from '../../core/data/versions/canonical-encoding.ts';
import { isNumericColumn, type DataTable } from '../../core/data/types.ts';
import { WorkbenchError, toErrorInfo } from '../../core/errors.ts';
import type { DriftOptions } from '../../core/monitor/drift/types.ts';
import { compareSplit, ownedBuffers, type DriftPart } from './drift-split.ts';
import { workerCrash } from './worker-crash.ts';
import { compareTests, type TestComparison } from '../../core/monitor/lab/test-comparisons.ts';
import { seededRng } from '../../core/random/rng.ts';
import type { ComparisonRequest, DriftPartApi, DriftProgress, DriftResult, DriftWorkerApi } from './drift-protocol.ts';

const store = new IdbWorkspaceStore();

async function loadVersion(id: string): Promise<DataTable> {
  const bytes = await store.getBlob(id);
  if (!bytes) {
    throw new WorkbenchError(
      'version.not_found',
      `Dataset version ${id.slice(0, 12)} is not in this workspace. Pick another version, or load its data again.`,
    );
  }
  return decodeTable(bytes);
}

async function comparison(request: ComparisonRequest): Promise<TestComparison> {
  const rng = seededRng(request.seed);
  if (!request.source) return compareTests(rng, request.settings);
  const { versionId, column } = request.source;
  const found = (await loadVersion(versionId)).columns.find((c) => c.name === column);
  if (!found || !isNumericColumn(found)) {
    throw new WorkbenchError(
      'drift.unknown_column',
      `"${column}" is not a numeric column of that version. Pick one of its numeric columns.`,
    );
  }
  return compareTests(rng, request.settings, found.values, column);
}

async function attempt<T>(task: () => T | Promise<T>): Promise<DriftResult<T>> {
  try {
    return { ok: true, value: await task() };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}

let partWorker: { remote: Comlink.Remote<DriftPartApi>; crashed: Promise<never> } | null = null;

/** The second thread, started by the first report large enough to split. */
function partThread(): { remote: Comlink.Remote<DriftPartApi>; crashed: Promise<never> } {
  if (!partWorker) {
    const worker = new Worker(new URL('./drift-part.worker.ts', import.meta.url), { type: 'module' });
    const crashed = workerCrash(worker, 'The drift worker’s second thread', 'Try again.', () => (partWorker = null));
    partWorker = { remote: Comlink.wrap<DriftPartApi>(worker), crashed };
  }
  return partWorker;
}

/** Half of a large report on the second thread; none on a one-core device. */
const part: DriftPart | null =
  (navigator.hardwareConcurrency ?? 1) < 2
    ? null
    : {
        async compareColumns(reference, current, options, progress) {
          const { remote, crashed } = partThread();
          const result = await Promise.race([
            remote.compareColumns(
              Comlink.transfer(reference, ownedBuffers(reference)),
              Comlink.transfer(current, ownedBuffers(current)),
              options,
              progress && Comlink.proxy(progress),
            ),
            crashed,
          ]);
          if (!result.ok) throw new WorkbenchError(result.error.code, result.error.message);
          return result.value;
        },
      };

const compare = (reference: DataTable, current: DataTable, options: DriftOptions, progress?: DriftProgress) =>
  compareSplit(reference, current, options, progress, part);

const api: DriftWorkerApi = {
  compareTables: (reference, current, options, progress) =>
    attempt(() => compare(reference, current, options, progress)),
  compareVersions: (referenceId, currentId, options, progress) =>
    attempt(async () => compare(await loadVersion(referenceId), await loadVersion(currentId), options, progress)),
  compareTests: (request) => attempt(() => comparison(request)),
};

Comlink.expose(api);
