import type { AuditEvent } from '../../audit/audit-event.ts';
import { featuresMaterialized } from '../../audit/events/feature-events.ts';
import type { WorkspaceStore } from '../../ports.ts';
import type { OnlineFeatureTable } from '../definitions/feature-types.ts';
import { latestViews } from '../definitions/resolve-definitions.ts';
import { loadViewFrame } from '../retrieval/load-view.ts';
import { materializeView } from './materialize-view.ts';

/**
 * Materializes every applied view's newest version up to `end` into the
 * online store (incrementally since each view's last run) with one
 * `features.materialized` event. `onProgress` hears of each view computed.
 */
export async function materializeAll(
  store: WorkspaceStore,
  options: {
    end: number;
    actor: string;
    now: number;
    /** Called after each view is computed (the write comes after the last). */
    onProgress?: (done: number, total: number, viewId: string) => void;
  },
): Promise<{ tables: OnlineFeatureTable[]; event: AuditEvent | null; incremental: boolean }> {
  const views = [...(await latestViews(store)).values()];
  if (views.length === 0) return { tables: [], event: null, incremental: false };
  const at = new Date(options.now).toISOString();
  const tables: OnlineFeatureTable[] = [];
  let incremental = false;
  for (const view of views) {
    const previous = await store.getRecord('onlineFeatures', view.name);
    incremental ||= previous?.viewId === view.id;
    tables.push(materializeView(view, await loadViewFrame(store, view), options.end, previous, at));
    options.onProgress?.(tables.length, views.length, view.id);
  }
  const end = new Date(options.end).toISOString();
  const event = await store.commit(
    { puts: tables.map((value) => ({ kind: 'onlineFeatures' as const, value })) },
    featuresMaterialized(
      { at, actor: options.actor },
      {
        end,
        views: tables.map((t) => `${t.viewId}: ${t.keys.length}`),
        incremental,
      },
    ),
  );
  return { tables, event, incremental };
}
