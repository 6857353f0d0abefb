/**
 * The features worker's work, over any store: point-in-time joins of saved
 * versions with feature views, materialization and online lookups. The
 * worker wraps it; tests run it in-process over the memory store.
 */
import { previewRows } from '../../core/data/draft.ts';
import type { DataTable } from '../../core/data/types.ts';
import type { DatasetVersion } from '../../core/data/versions/dataset-version.ts';
import { WorkbenchError, toErrorInfo } from '../../core/errors.ts';
import type { FeatureViewRecord } from '../../core/features/definitions/feature-types.ts';
import { materializeAll } from '../../core/features/online/materialize-store.ts';
import { offlineVectors } from '../../core/features/online/offline-vectors.ts';
import { lookupOnline } from '../../core/features/online/online-lookup.ts';
import { timeValues } from '../../core/features/join/table-columns.ts';
import { historicalFeatures, type HistoricalFeatures } from '../../core/features/retrieval/historical-features.ts';
import { loadDataset, loadViewFrame, serviceViews } from '../../core/features/retrieval/load-view.ts';
import { saveJoinedVersion } from '../../core/features/retrieval/save-joined-version.ts';
import type { WorkspaceStore } from '../../core/ports.ts';
import type { Result } from './data-protocol.ts';
import type { FeaturesApi, JoinRequest } from './features-protocol.ts';

async function attempt<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}

/**
 * @example
 * const api = featuresService(store, Date.now);
 * await api.preview({ entityVersionId, timestamp: 'ts', viewIds: ['orders@1'], ignoreCreatedAfter: false }, 20);
 */
export function featuresService(store: WorkspaceStore, nowMs: () => number): FeaturesApi {
  async function entityVersion(id: string): Promise<{ version: DatasetVersion; table: DataTable }> {
    const version = await store.getDatasetVersion(id);
    if (!version) {
      throw new WorkbenchError(
        'version.not_found',
        `Dataset version ${id.slice(0, 12)} is not in this workspace. Refresh the versions list.`,
      );
    }
    return { version, table: await loadDataset(store, id) };
  }

  async function viewVersion(id: string): Promise<FeatureViewRecord> {
    const view = await store.getRecord('featureViews', id);
    if (!view)
      throw new WorkbenchError('features.unknown', `Feature view ${id} is not in this workspace. Apply it first.`);
    return view;
  }

  async function join(request: JoinRequest): Promise<{ version: DatasetVersion; joined: HistoricalFeatures }> {
    if (request.viewIds.length === 0)
      throw new WorkbenchError('features.unknown', 'No feature view is chosen. Tick at least one view to join.');
    const { version, table } = await entityVersion(request.entityVersionId);
    const frames = await Promise.all(
      request.viewIds.map(async (id) => {
        const view = await viewVersion(id);
        return { view, frame: await loadViewFrame(store, view) };
      }),
    );
    const joined = historicalFeatures(table, request.timestamp, frames, {
      ignoreCreatedAfter: request.ignoreCreatedAfter,
    });
    const names = joined.table.columns.map((c) => c.name);
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice !== undefined) {
      // A table with two columns of one name cannot be trained on or saved unambiguously.
      throw new WorkbenchError(
        'features.bad_definition',
        `The joined table would have two columns called "${twice}". Rename the feature (or the entity column) so every name is unique.`,
      );
    }
    return { version, joined };
  }

  return {
    preview: (request, limit) =>
      attempt(async () => {
        const { version, joined } = await join(request);
        const roles = new Map(version.schema.map((c) => [c.name, c.role]));
        const shown = Math.min(limit, joined.table.rowCount);
        const at = (times: ArrayLike<number>, row: number) => (row < 0 || Number.isNaN(times[row]) ? null : times[row]);
        const rowTimes = timeValues(joined.table, request.timestamp, 'the entity table');
        return {
          rowCount: joined.table.rowCount,
          schema: joined.table.columns.map((c) => ({
            name: c.name,
            type: c.type,
            role: roles.get(c.name) ?? 'feature',
          })),
          rows: previewRows(joined.table, limit).rows,
          views: joined.views.map((v) => ({ viewId: v.viewId, matchedRows: v.matchedRows, leakedRows: v.leakedRows })),
          times: Array.from({ length: shown }, (_, r) => at(rowTimes, r)),
          picks: joined.views.map((v) => ({
            viewId: v.viewId,
            picked: Array.from({ length: shown }, (_, r) => at(v.eventTimes, v.matches[r])),
            naive: Array.from({ length: shown }, (_, r) => at(v.eventTimes, v.naive[r])),
          })),
        };
      }),
    save: (request, input) =>
      attempt(async () => {
        const { version, joined } = await join(request);
        return saveJoinedVersion(store, version, joined.table, { ...input, now: nowMs() });
      }),
    materialize: (request, onProgress) =>
      attempt(async () => {
        const result = await materializeAll(store, {
          end: request.end,
          actor: request.actor,
          now: nowMs(),
          onProgress: (done, total, viewId) => onProgress({ done, total, viewId }),
        });
        if (result.tables.length === 0)
          throw new WorkbenchError('features.unknown', 'No feature view is applied yet. Apply a feature view first.');
        return {
          end: new Date(request.end).toISOString(),
          incremental: result.incremental,
          views: result.tables.map((t) => ({ viewId: t.viewId, entities: t.keys.length })),
        };
      }),
    lookup: (name, keys) =>
      attempt(async () => {
        const views = await serviceViews(store, name);
        const tables = await Promise.all(
          views.map(async (view) => {
            const table = await store.getRecord('onlineFeatures', view.name);
            if (!table || table.viewId !== view.id) {
              throw new WorkbenchError(
                'features.not_materialized',
                `Feature view ${view.id} has not been materialized${table ? ` (the store holds ${table.viewId})` : ''}. Materialize first.`,
              );
            }
            return { view, table };
          }),
        );
        const at = Math.min(...tables.map((t) => Date.parse(t.table.end)));
        const online = lookupOnline(tables, keys, at);
        const frames = await Promise.all(
          views.map(async (view) => ({ view, frame: await loadViewFrame(store, view) })),
        );
        const offline = offlineVectors(frames, keys, at);
        return {
          at: new Date(at).toISOString(),
          features: online.features,
          viewIds: views.map((v) => v.id),
          rows: online.rows.map((row, i) => ({ key: row.key, online: row.values, offline: offline.rows[i].values })),
        };
      }),
  };
}
