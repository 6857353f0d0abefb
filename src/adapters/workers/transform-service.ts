/**
 * The transform worker's work, over any store: load the parent version's
 * table once, apply recipes to it, preview, save. The worker wraps it; tests
 * run it in-process over the memory store.
 */
import { previewRows } from '../../core/data/draft.ts';
import { transformedDraft, saveTransformedVersion } from '../../core/data/transform/index.ts';
import { decodeTable } from '../../core/data/versions/canonical-encoding.ts';
import type { DatasetVersion } from '../../core/data/versions/dataset-version.ts';
import type { DataTable } from '../../core/data/types.ts';
import { WorkbenchError, toErrorInfo } from '../../core/errors.ts';
import type { WorkspaceStore } from '../../core/ports.ts';
import type { Result } from './data-protocol.ts';
import type { TransformApi } from './transform-protocol.ts';

async function attempt<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}

/**
 * @example
 * const api = transformService(store, Date.now);
 * await api.preview(versionId, { steps: [{ kind: 'filter', expression: 'age > 18' }] }, 20);
 */
export function transformService(store: WorkspaceStore, nowMs: () => number): TransformApi {
  // The last parent's decoded table: previews of one version are repeated while the user edits.
  let cached: { version: DatasetVersion; table: DataTable } | null = null;

  async function parent(id: string): Promise<{ version: DatasetVersion; table: DataTable }> {
    if (cached?.version.id === id) return cached;
    const version = await store.getDatasetVersion(id);
    const bytes = version && (await store.getBlob(id));
    if (!version || !bytes) {
      throw new WorkbenchError(
        'version.not_found',
        `Dataset version ${id.slice(0, 12)} is not in this workspace. Refresh the versions list.`,
      );
    }
    cached = { version, table: decodeTable(bytes) };
    return cached;
  }

  return {
    preview: (parentId, recipe, limit) =>
      attempt(async () => {
        const { version, table } = await parent(parentId);
        const draft = transformedDraft(version, table, recipe);
        const schema = draft.table.columns.map((c) => ({
          name: c.name,
          type: c.type,
          role: draft.roles[c.name] ?? 'feature',
        }));
        return { rowCount: draft.table.rowCount, schema, rows: previewRows(draft.table, limit).rows };
      }),
    save: (parentId, recipe, request) =>
      attempt(async () => {
        const { version, table } = await parent(parentId);
        return saveTransformedVersion(store, version, table, recipe, { ...request, now: nowMs() });
      }),
  };
}
