/**
 * The "drift" part of `npm run bench` (issue 10, Performance): a full drift
 * report — every statistic of all 20 columns — for 1,000,000 rows against a
 * reference of the same size, computed in a worker thread (node-drift.ts),
 * and split over two threads as the app's drift worker splits a large
 * report with its part worker. Target: under 1 s. Wall time and the CPU
 * time the worker got are both shown, since the machine may be shared.
 */
import { loadavg } from 'node:os';
import { fixed, printTable } from '../lib/table.js';

/** The 1, 5 and 15 minute load averages, as `uptime` prints them. */
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

const TARGET_MS = 1000;

/** @param {{ results: any, quick: boolean, nodeScript: (script: string, args: string[]) => any }} context */
export async function driftPart({ results, quick, nodeScript }) {
  const rows = quick ? 100_000 : 1_000_000;
  console.error(`\nDrift report in a worker thread: ${rows.toLocaleString('en')} rows × 20 columns…`);
  const before = load();
  const node = nodeScript('drift/node-drift.ts', ['--rows', String(rows), '--runs', quick ? '1' : '3']);
  const after = load();
  results.drift = node;
  printTable(
    `Drift report in Node ${node.node} (worker thread): ${node.rows.toLocaleString('en')} rows × ${node.columns} columns vs a reference of the same size (load average ${before} before, ${after} after)`,
    ['round trip (median)', 'two threads (median)', 'compute in worker', 'CPU time', 'tests chosen', 'drifted columns'],
    [
      [
        `${fixed(node.roundTripMs / 1000, 2)} s`,
        `${fixed(node.twoThreadsMs / 1000, 2)} s`,
        `${fixed(node.computeMs / 1000, 2)} s`,
        `${fixed(node.cpuMs / 1000, 2)} s`,
        node.tests.join(', '),
        node.drifted.join(', '),
      ],
    ],
  );
  const w = node.windows;
  printTable(
    `Monitoring windows: ${w.count} windows of ${w.size.toLocaleString('en')} rows vs the same ${node.rows.toLocaleString('en')}-row reference`,
    ['', 'reference sorted per window', 'sorted once (cached)', 'speed-up'],
    [
      ['wall', w.uncachedMs, w.cachedMs],
      ['CPU time', w.uncachedCpuMs, w.cachedCpuMs],
    ].map(([what, sorted, cached]) => [
      what,
      `${fixed(sorted / 1000, 2)} s`,
      `${fixed(cached / 1000, 2)} s`,
      `${fixed(sorted / cached, 1)}×`,
    ]),
  );
  if (!quick) {
    console.log(
      `  under ${TARGET_MS / 1000} s target: one thread ${node.roundTripMs < TARGET_MS ? 'PASS' : 'FAIL'} (wall), ${node.cpuMs < TARGET_MS ? 'PASS' : 'FAIL'} (CPU time); ` +
        `two threads, as the app splits a large report: ${node.twoThreadsMs < TARGET_MS ? 'PASS' : 'FAIL'} (wall)`,
    );
  }
}
