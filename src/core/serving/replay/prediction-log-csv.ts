import { toCsv } from '../../data/ingest/write-csv.ts';
import type { LogEntry } from './prediction-log.ts';

/**
 * The prediction log as CSV, one request per line in request order:
 * `request`, `row`, `version`, `served` (true, or false for a shadow
 * answer), `output`, `latency_ms`, `label` (empty when unknown) and
 * `label_at` (the request at which it arrived; empty when it never did).
 * Cells are escaped against spreadsheet formulas.
 *
 * @example
 * predictionLogCsv(readLogEntries(batches)); // 'request,row,version,served,output,latency_ms,label,label_at\r\n0,17,churn@1,true,yes,0.004,no,0\r\n…'
 */
export function predictionLogCsv(entries: LogEntry[]): string {
  return toCsv(
    ['request', 'row', 'version', 'served', 'output', 'latency_ms', 'label', 'label_at'],
    entries.map((e) => [
      String(e.request),
      String(e.row),
      e.version,
      String(e.served),
      e.output,
      String(e.latencyMs),
      e.label ?? '',
      e.labelAt === null ? '' : String(e.labelAt),
    ]),
  );
}
