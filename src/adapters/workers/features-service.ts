/**
 * The features worker's work, over any store: point-in-time joins of saved
 * versions with feature views, materialization and online lookups. The
 * worker wraps it; tests run it in-process over the memory store.
 */
import { previewRows } from '../../core/data/draft.ts';
import { WorkbenchError, toErrorInfo } from '../../core/errors.ts';
import { materializeAll } from '../../core/features/online/materialize-store.ts';
import { offlineVectors } from '../../core/features/online/offline-vectors.ts';
import { lookupOnline } from '../../core/features/online/online-lookup.ts';
import { loadViewFrame, serviceViews } from '../../core/features/retrieval/load-view.ts';
import { saveJoinedVersion } from '../../core/features/retrieval/save-joined-version.ts';
import type { WorkspaceStore } from '../../core/ports.ts';
import type { Result } from './data-protocol.ts';
import { entityTimeline, timelineEntities } from '../../core/features/timeline/index.ts';
import type { FeaturesApi } from './features-protocol.ts';
import { createJoiner } from './features-join.ts';

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
  const join = createJoiner(store);

  return {
    preview: (request, limit) =>
      attempt(async () => {
        const { version, joined, timeline } = await join(request);
        const roles = new Map(version.schema.map((c) => [c.name, c.role]));
        const { entities, total, first } = timelineEntities(timeline);
        return {
          rowCount: joined.table.rowCount,
          schema: joined.table.columns.map((c) => ({
            name: c.name,
            type: c.type,
            role: roles.get(c.name) ?? 'feature',
          })),
          rows: previewRows(joined.table, limit).rows,
          views: joined.views.map((v) => ({ viewId: v.viewId, matchedRows: v.matchedRows, leakedRows: v.leakedRows })),
          timeline: { entities, total, entity: first === null ? null : entityTimeline(timeline, first) },
        };
      }),
    timeline: (request, key) =>
      attempt(async () => {
        const { timeline } = await join(request);
        return entityTimeline(timeline, key);
      }),
    save: (request, input) =>
      attempt(async () => {
        const { version, joined } = await join(request);
        const featureJoin = {
          viewIds: request.viewIds,
          service: request.service,
          timestamp: request.timestamp,
          ignoreCreatedAfter: request.ignoreCreatedAfter,
        };
        return saveJoinedVersion(store, version, joined.table, { ...input, featureJoin, now: nowMs() });
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
