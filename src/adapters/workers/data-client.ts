/**
 * The UI thread's handle on the data worker. It hides Comlink: callbacks are
 * proxied, file bytes are transferred (not copied), and a worker that dies
 * (fails to load, runs out of memory) rejects every pending call instead of
 * leaving it hanging.
 */
import * as Comlink from 'comlink';
import { workerCrash } from './worker-crash.ts';
import type { ColumnRole, ColumnType } from '../../core/data/types.ts';
import type { DatasetDiff } from '../../core/data/diff/diff-types.ts';
import type { DatasetVersion } from '../../core/data/versions/dataset-version.ts';
import type { DataFileFormat } from '../../core/data/interchange/file-format.ts';
import type { DataWorkerApi, ExportedFile, LoadedData, Progress, Result, SaveRequest } from './data-protocol.ts';

export type ProgressListener = (progress: Progress) => void;

/** The data worker's API as the UI calls it, plus `terminate`. */
export interface DataClient {
  /** Parses CSV, Parquet or Arrow bytes into the worker's draft; `bytes` is transferred and unusable afterwards. */
  loadCsv(bytes: ArrayBuffer, fileName: string, onProgress: ProgressListener): Promise<Result<LoadedData>>;
  setColumnType(column: string, type: ColumnType, actor: string): Promise<Result<LoadedData>>;
  setColumnRole(column: string, role: ColumnRole, actor: string): Promise<Result<LoadedData>>;
  saveVersion(
    request: SaveRequest,
    onProgress: ProgressListener,
  ): Promise<Result<{ created: boolean; version: DatasetVersion }>>;
  openVersion(id: string, onProgress: ProgressListener): Promise<Result<LoadedData>>;
  diffVersions(fromId: string, toId: string): Promise<Result<DatasetDiff>>;
  countRowsMissing(versionId: string, columns: string[]): Promise<Result<number>>;
  exportVersion(id: string, format: DataFileFormat, onProgress: ProgressListener): Promise<Result<ExportedFile>>;
  /** Stops the worker; the draft it held is lost. */
  terminate(): void;
}

/**
 * Starts the data worker (a module worker bundled by Vite) and wraps it.
 *
 * @example
 * const client = createDataClient();
 * const result = await client.loadCsv(await file.arrayBuffer(), file.name, (p) => console.log(p.phase));
 */
export function createDataClient(): DataClient {
  const worker = new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap<DataWorkerApi>(worker);
  const crashed = workerCrash(worker, 'The data worker', 'Reload the page and try again.');

  // Comlink types each call as a union of promises (one per Result branch); Awaited flattens it.
  const call = <P>(pending: P): Promise<Awaited<P>> => Promise.race([pending, crashed]);
  const listen = (onProgress: ProgressListener) => Comlink.proxy(onProgress);

  return {
    loadCsv: (bytes, fileName, onProgress) =>
      call(remote.loadCsv(Comlink.transfer(bytes, [bytes]), fileName, listen(onProgress))),
    setColumnType: (column, type, actor) => call(remote.setColumnType(column, type, actor)),
    setColumnRole: (column, role, actor) => call(remote.setColumnRole(column, role, actor)),
    saveVersion: (request, onProgress) => call(remote.saveVersion(request, listen(onProgress))),
    openVersion: (id, onProgress) => call(remote.openVersion(id, listen(onProgress))),
    diffVersions: (fromId, toId) => call(remote.diffVersions(fromId, toId)),
    countRowsMissing: (versionId, columns) => call(remote.countRowsMissing(versionId, columns)),
    exportVersion: (id, format, onProgress) => call(remote.exportVersion(id, format, listen(onProgress))),
    terminate() {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
