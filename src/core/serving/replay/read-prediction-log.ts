import type { WorkspaceStore } from '../../ports.ts';
import { readLogEntries, type LogEntry } from './prediction-log.ts';

/**
 * The stored prediction log: every replay's entries, or one replay's
 * (`logId`), each in request order; replays in the order their ids sort.
 */
export async function readPredictionLog(store: WorkspaceStore, logId: string | null = null): Promise<LogEntry[]> {
  const batches = (await store.listRecords('predictionLogs')).filter((b) => logId === null || b.logId === logId);
  const ids = [...new Set(batches.map((b) => b.logId))].sort();
  return ids.flatMap((id) => readLogEntries(batches.filter((b) => b.logId === id)));
}
