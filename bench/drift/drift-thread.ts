/**
 * The worker thread of the drift benchmark: receives two tables (transferred),
 * computes the full drift report and answers with its timings.
 */
import { parentPort } from 'node:worker_threads';
import type { DataTable } from '../../src/core/data/types.ts';
import { computeDriftReport } from '../../src/core/monitor/drift/drift-report.ts';

parentPort!.on('message', ({ reference, current }: { reference: DataTable; current: DataTable }) => {
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
});
