/**
 * The data worker, started on first use and started afresh after it crashed,
 * so merely building the app starts no worker and one crash is not forever.
 */
import type { DataClient } from '../adapters/workers/data-client.ts';
import { toErrorInfo } from '../core/errors.ts';

/**
 * A {@link DataClient} that calls `create` on first use and again after a
 * call failed with `worker.crashed`.
 *
 * @example
 * const data = lazyDataClient(createDataClient);
 */
export function lazyDataClient(create: () => DataClient): DataClient {
  let client: DataClient | null = null;

  async function use<T>(call: (client: DataClient) => Promise<T>): Promise<T> {
    client ??= create();
    const current = client;
    try {
      return await call(current);
    } catch (error) {
      if (toErrorInfo(error).code === 'worker.crashed' && client === current) {
        current.terminate();
        client = null;
      }
      throw error;
    }
  }

  return {
    loadCsv: (bytes, fileName, onProgress) => use((c) => c.loadCsv(bytes, fileName, onProgress)),
    setColumnType: (column, type, actor) => use((c) => c.setColumnType(column, type, actor)),
    setColumnRole: (column, role, actor) => use((c) => c.setColumnRole(column, role, actor)),
    saveVersion: (request, onProgress) => use((c) => c.saveVersion(request, onProgress)),
    openVersion: (id, onProgress) => use((c) => c.openVersion(id, onProgress)),
    diffVersions: (fromId, toId) => use((c) => c.diffVersions(fromId, toId)),
    countRowsMissing: (versionId, columns) => use((c) => c.countRowsMissing(versionId, columns)),
    exportVersion: (id, format, onProgress) => use((c) => c.exportVersion(id, format, onProgress)),
    terminate() {
      client?.terminate();
      client = null;
    },
  };
}
