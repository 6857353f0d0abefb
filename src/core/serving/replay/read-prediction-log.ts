import type { WorkspaceStore } from '../../ports.ts';
import { readLogEntries, type LogEntry, type PredictionLogBatch } from './prediction-log.ts';

/**
 * The stored prediction log: every replay's entries, or one replay's
 * (`logId`), each in request order; replays in the order their ids sort.
 */
export async function readPredictionLog(store: WorkspaceStore, logId: string | null = null): Promise<LogEntry[]> {
  const batches = (await store.listRecords('predictionLogs')).filter((b) => logId === null || b.logId === logId);
  const ids = [...new Set(batches.map((b) => b.logId))].sort();
  return ids.flatMap((id) => readLogEntries(batches.filter((b) => b.logId === id)));
}

/**
 * One replay's entries, in request order, read by key: its batches are
 * `${logId}#000000` … (`batches` of them, as its audit event records), so
 * the other replays' logs are never loaded.
 */
export async function readReplayLog(store: WorkspaceStore, logId: string, batches: number): Promise<LogEntry[]> {
  const read = await Promise.all(
    Array.from({ length: batches }, (_, seq) =>
      store.getRecord('predictionLogs', `${logId}#${String(seq).padStart(6, '0')}`),
    ),
  );
  return readLogEntries(read.filter((b): b is PredictionLogBatch => b !== undefined));
}
