/**
 * The "serving" part of `npm run bench` (issue 9, Performance): predictions
 * per second for the forest, logistic regression and MLP, a 100,000-request
 * replay through two versions of each, and single-row latency — in Node
 * (node-serving.ts). Throughput is given per wall second and per second of
 * CPU the process got, since the machine may be shared. The replay column
 * includes scoring with both versions, routing, McNemar and writing the
 * 200,000-entry prediction log to the workspace folder. With Chromium,
 * the same replay runs in the built app's replay worker (browser-serving.js),
 * the path the Deploy area uses.
 */
import { fixed, printTable } from '../lib/table.js';

const TARGET_PER_SECOND = 50_000;
/**
 * The browser replay before the replay-perf work (commit 1e9b592, 100,000
 * requests, load average 6.3 on the shared 2-core machine), for the
 * before/after column: predictions/s per kind.
 */
const BROWSER_BEFORE = { forest: 44_825, logistic: 52_184, mlp: 38_887 };
const TARGET_P95_MS = 5;
const perSec = (n) => Math.round(n).toLocaleString('en');

/** @param {{ results: any, dataDir: string, quick: boolean, nodeScript: (script: string, args: string[]) => any }} context */
export async function servingPart({ results, dataDir, quick, nodeScript, hasChromium = false }) {
  console.error(`\nServing in Node${quick ? ' (quick: 10,000 requests)' : ''}…`);
  const node = nodeScript('serving/node-serving.ts', [dataDir, ...(quick ? ['--quick'] : [])]);
  results.serving = node;
  printTable(
    `Serving in Node ${node.node} (TF.js ${node.backend}): ${node.requests.toLocaleString('en')} requests, models trained on ${node.trainRows.toLocaleString('en')} rows`,
    [
      'model',
      'predictions/s (batch)',
      'per CPU-second',
      'replay, two versions (shadow)',
      'requests/s',
      'single-row p50',
      'p95',
    ],
    node.models.map((m) => [
      m.kind,
      perSec(m.predictionsPerSecond),
      perSec(m.predictionsPerCpuSecond),
      `${fixed(m.replayMs / 1000, 2)} s`,
      perSec(m.replayRequestsPerSecond),
      `${fixed(m.latency.p50, 3)} ms`,
      `${fixed(m.latency.p95, 3)} ms`,
    ]),
  );
  if (hasChromium) await browserPart({ results, dataDir, quick });
  for (const m of node.models) {
    const throughput =
      m.kind === 'mlp'
        ? 'no target'
        : `${m.predictionsPerSecond >= TARGET_PER_SECOND ? 'PASS' : 'FAIL'} (wall), ${m.predictionsPerCpuSecond >= TARGET_PER_SECOND ? 'PASS' : 'FAIL'} (per CPU-second)`;
    const latency = m.latency.p95 < TARGET_P95_MS ? 'PASS' : 'FAIL';
    console.log(
      `  ${m.kind}: ${TARGET_PER_SECOND.toLocaleString('en')} predictions/s target ${throughput}; single-row p95 under ${TARGET_P95_MS} ms ${latency}`,
    );
  }
}

/** The replay in the built app's worker, from the Deploy area (Chromium only). */
async function browserPart({ results, dataDir, quick }) {
  const { browserServing } = await import('./browser-serving.js');
  const requests = quick ? 10_000 : 100_000;
  console.error(`\nServing in the browser: ${requests.toLocaleString('en')} requests replayed in the replay worker…`);
  const r = await browserServing({ dataDir, requests });
  results.servingBrowser = r;
  printTable(
    `Replay in the app's worker (Chromium ${r.chromium}): ${r.requests.toLocaleString('en')} requests, shadow through two versions, log written to IndexedDB`,
    ['model', 'seconds', 'requests/s', 'predictions/s', 'before (1e9b592)', 'target'],
    r.models.map((m) => [
      m.kind,
      fixed(m.seconds, 2),
      perSec(m.requestsPerSecond),
      perSec(m.predictionsPerSecond),
      perSec(BROWSER_BEFORE[m.kind]),
      m.kind === 'mlp' ? 'none' : m.predictionsPerSecond >= TARGET_PER_SECOND ? 'PASS' : 'FAIL',
    ]),
  );
  const { browserPredict } = await import('./browser-predict.js');
  const rows = quick ? 10_000 : 100_000;
  console.error(`\nThe Predict view scoring a ${rows.toLocaleString('en')}-row CSV: long tasks on the main thread…`);
  const p = await browserPredict({ dataDir, rows, build: false });
  results.servingPredictMainThread = p;
  printTable(
    `Main thread while the Predict view scores a ${p.rows.toLocaleString('en')}-row CSV in the predict worker (Chromium long tasks, pick to summary)`,
    ['rows', 'seconds', 'longest task', 'tasks over 50 ms'],
    [[p.rows.toLocaleString('en'), fixed(p.seconds, 2), `${Math.round(p.longest)} ms`, String(p.over50)]],
  );
}
