import type { WorkspaceStore } from '../../ports.ts';
import { readLogEntries } from '../../serving/replay/prediction-log.ts';
import type { WindowEntry } from './log-windows.ts';

/**
 * The stored prediction log with each entry's replay id: every replay (or
 * only `logId`), requests in order. Replays come in the order they were
 * recorded in the audit log (their ids are random), so windows follow time.
 */
export async function readWindowEntries(store: WorkspaceStore, logId: string | null = null): Promise<WindowEntry[]> {
  const batches = (await store.listRecords('predictionLogs')).filter((b) => logId === null || b.logId === logId);
  const recorded = new Map<string, number>();
  for (const e of await store.listAudit())
    if ((e.type === 'deployment.simulated' || e.type === 'monitor.traffic_replayed') && !recorded.has(e.subject))
      recorded.set(e.subject, e.seq);
  const ids = [...new Set(batches.map((b) => b.logId))].sort(
    (a, b) => (recorded.get(a) ?? Infinity) - (recorded.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0),
  );
  return ids.flatMap((id) => readLogEntries(batches.filter((b) => b.logId === id)).map((e) => ({ ...e, logId: id })));
}
