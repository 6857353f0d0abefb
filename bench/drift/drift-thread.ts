/**
 * The worker thread of the drift benchmark: receives two tables (transferred),
 * computes the full drift report and answers with its timings; then times
 * monitoring-style windows (the current table cut into `windows` slices)
 * against the same reference, without and with the sorted-reference cache.
 */
import { parentPort } from 'node:worker_threads';
import type { Column, DataTable } from '../../src/core/data/types.ts';
import { cachedDriftFunction, computeDriftReport } from '../../src/core/monitor/drift/index.ts';

function slice(table: DataTable, from: number, to: number): DataTable {
  const columns: Column[] = table.columns.map((c) =>
    'values' in c ? { ...c, values: c.values.subarray(from, to) } : { ...c, codes: c.codes.subarray(from, to) },
  );
  return { rowCount: to - from, columns };
}

/** Wall and CPU milliseconds of `run` (the machine may be shared: CPU time is the steadier number). */
function timed(run: () => void): { wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  run();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

type Message =
  | { kind: 'report'; reference: DataTable; current: DataTable; windows: number }
  | { kind: 'part'; reference: DataTable; current: DataTable; columns: string[] };

parentPort!.on('message', (message: Message) => {
  if (message.kind === 'part') {
    // One half of a two-thread report (as the app's drift worker and its part worker split it).
    const { reference, current, columns } = message;
    parentPort!.postMessage(computeDriftReport(reference, current, { columns }));
    return;
  }
  reportAndWindows(message);
});

/** The full report, timed, then monitoring-style windows without and with the sorted-reference cache. */
function reportAndWindows({ reference, current, windows }: Extract<Message, { kind: 'report' }>): void {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const report = computeDriftReport(reference, current);
  const computeMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  parentPort!.postMessage({
    computeMs,
    cpuMs: (used.user + used.system) / 1000,
    drifted: report.columns.filter((c) => c.drifted).map((c) => c.name),
    tests: [...new Set(report.columns.map((c) => c.test))],
    datasetDrift: report.datasetDrift,
  });
  const size = Math.floor(current.rowCount / windows);
  const parts = Array.from({ length: windows }, (_, w) => slice(current, w * size, (w + 1) * size));
  const uncached = timed(() => parts.forEach((p) => computeDriftReport(reference, p)));
  const drift = cachedDriftFunction();
  const cached = timed(() => parts.forEach((p) => drift(reference, p)));
  parentPort!.postMessage({
    count: windows,
    size,
    uncachedMs: uncached.wallMs,
    cachedMs: cached.wallMs,
    uncachedCpuMs: uncached.cpuMs,
    cachedCpuMs: cached.cpuMs,
  });
}
