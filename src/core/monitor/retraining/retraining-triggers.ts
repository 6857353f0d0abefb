import type { WorkspaceStore } from '../../ports.ts';
import type { ModelVersion } from '../../registry/registry-types.ts';
import type { Alert, MonitorPolicy } from '../monitor-types.ts';
import { readWindowEntries } from '../windows/read-window-entries.ts';

/** Requests any version of `modelName` served, over the whole prediction log (the schedule's simulated clock). */
export async function servedRequests(store: WorkspaceStore, modelName: string): Promise<number> {
  const prefix = `${modelName}@`;
  return (await readWindowEntries(store)).filter((e) => e.served && e.version.startsWith(prefix)).length;
}

/**
 * Which of the policy's triggers hold now, in words (empty: none):
 * a new alert; a dataset version newer than the champion's training data
 * that no retraining has used yet; `everyRequests` served requests since
 * the last retraining (simulated time: the prediction log's clock).
 */
export async function retrainingTriggers(
  store: WorkspaceStore,
  policy: MonitorPolicy,
  champion: ModelVersion,
  newAlerts: Alert[],
): Promise<string[]> {
  const p = policy.retraining;
  const triggers: string[] = [];
  if (p.onAlert && newAlerts.length > 0) triggers.push(`alert ${newAlerts.map((a) => a.id).join(', ')}`);
  const past = (await store.listRecords('retrainings')).filter((r) => r.modelName === policy.modelName);
  if (p.onNewData) {
    const trained = await store.getDatasetVersion(champion.datasetVersionId);
    const used = new Set([champion.datasetVersionId, ...past.map((r) => r.datasetVersionId)]);
    const newer = (await store.listDatasetVersions()).filter(
      (v) => !used.has(v.id) && (!trained || v.createdAt > trained.createdAt),
    );
    if (newer.length > 0)
      triggers.push(`new data ${newer.map((v) => `"${v.name}" (${v.id.slice(0, 12)})`).join(', ')}`);
  }
  if (p.everyRequests !== null) {
    const since = Math.max(0, ...past.map((r) => r.logRequests));
    const served = await servedRequests(store, policy.modelName);
    if (served - since >= p.everyRequests)
      triggers.push(
        `schedule: ${served - since} requests served since ${past.length ? 'the last retraining' : 'the log began'} (every ${p.everyRequests})`,
      );
  }
  return triggers;
}
