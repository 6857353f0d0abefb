/**
 * The drift worker: sorting and binning millions of values runs here, never
 * on the UI thread. It reads saved dataset versions from its own connection
 * to the workspace database, so large tables never cross to the UI.
 */
import * as Comlink from 'comlink';
import { IdbWorkspaceStore } from '../idb-store/idb-workspace-store.ts';
import { decodeTable } from '../../core/data/versions/canonical-encoding.ts';
import type { DataTable } from '../../core/data/types.ts';
import { WorkbenchError, toErrorInfo } from '../../core/errors.ts';
import { columnDistributions } from '../../core/monitor/drift/distributions.ts';
import { computeDriftReport } from '../../core/monitor/drift/drift-report.ts';
import type { DriftOptions } from '../../core/monitor/drift/types.ts';
import type { DriftComparison, DriftResult, DriftWorkerApi } from './drift-protocol.ts';

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

function compare(reference: DataTable, current: DataTable, options: DriftOptions): DriftComparison {
  const report = computeDriftReport(reference, current, options);
  return {
    report,
    distributions: columnDistributions(
      reference,
      current,
      report.columns.map((c) => c.name),
    ),
  };
}

async function attempt<T>(task: () => T | Promise<T>): Promise<DriftResult<T>> {
  try {
    return { ok: true, value: await task() };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}

const api: DriftWorkerApi = {
  compareTables: (reference, current, options) => attempt(() => compare(reference, current, options)),
  compareVersions: (referenceId, currentId, options) =>
    attempt(async () => compare(await loadVersion(referenceId), await loadVersion(currentId), options)),
};

Comlink.expose(api);
