/**
 * Drift benchmark (issue 10, Performance): a full drift report — every
 * statistic of every column — for N rows × 20 columns (16 numeric, 4
 * categorical) against a reference of the same size, computed in a worker
 * thread. Four numeric columns and one categorical column drift. Prints one
 * JSON line: the median round trip (transfer in, report out), the compute
 * time inside the worker, and CPU time; then the current table cut into
 * windows, each compared with the reference as monitoring does, without and
 * with the sorted-reference cache. Each run also times the same report split
 * over two threads, as the app's drift worker splits a large one.
 *
 *   node --import tsx bench/drift/node-drift.ts [--rows 1000000] [--runs 3] [--windows 10]
 */
import { Worker } from 'node:worker_threads';
import type { Column, DataTable } from '../../src/core/data/types.ts';
import { mergeComparisons, splitColumns } from '../../src/core/monitor/drift/column-split.ts';
import type { DriftReport } from '../../src/core/monitor/drift/types.ts';
import { seededRng, type Rng } from '../../src/core/random/rng.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ROWS = option('--rows', 1_000_000);
const RUNS = option('--runs', 3);
const WINDOWS = option('--windows', 10);

function normals(rng: Rng, n: number, mean: number, sd: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = mean + sd * Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return out;
}

function makeTable(seed: number, drift: boolean): DataTable {
  const rng = seededRng(seed);
  const columns: Column[] = [];
  for (let c = 0; c < 16; c++) {
    const shift = drift && c < 4 ? 0.3 : 0;
    const values = normals(rng, ROWS, c * 10 + shift, 1 + c / 4);
    // A few missing cells, as real data has.
    for (let i = c; i < ROWS; i += 97) values[i] = NaN;
    if (c % 4 === 3) for (let i = 0; i < ROWS; i++) values[i] = Math.round(values[i]);
    columns.push({ name: `n${c}`, type: 'number', values });
  }
  for (let c = 0; c < 4; c++) {
    const dictionary = Array.from({ length: 10 }, (_, k) => `cat${k}`);
    const codes = new Int32Array(ROWS);
    const skew = drift && c === 0 ? 1.6 : 1;
    for (let i = 0; i < ROWS; i++) codes[i] = Math.min(9, Math.floor(10 * rng() ** skew));
    columns.push({ name: `c${c}`, type: 'category', codes, dictionary });
  }
  return { rowCount: ROWS, columns };
}

function transferList(table: DataTable): ArrayBuffer[] {
  return table.columns.map((c) => ('values' in c ? c.values.buffer : c.codes.buffer) as ArrayBuffer);
}

// Worker threads do not inherit tsx's loader: register it there before importing the TypeScript thread.
const threadUrl = new URL('./drift-thread.ts', import.meta.url).href;
const startThread = () =>
  new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(threadUrl)}); });`,
    { eval: true },
  );
const worker = startThread();
const second = startThread();

/** The table with only the named columns (their buffers are transferred with it). */
function only(table: DataTable, names: string[]): DataTable {
  return { rowCount: table.rowCount, columns: table.columns.filter((c) => names.includes(c.name)) };
}

/**
 * The same report on two threads, as the app's drift worker and its part
 * worker split it (src/adapters/workers/drift-split.ts): each computes half
 * the columns, the caller merges. Returns the round trip in ms.
 */
async function twoThreads(reference: DataTable, current: DataTable): Promise<{ ms: number; same: string[] }> {
  const start = performance.now();
  const groups = splitColumns(reference, current, {}, 2);
  const halves = await Promise.all(
    [worker, second].map(
      (thread, i) =>
        new Promise<DriftReport>((resolve) => {
          thread.once('message', resolve);
          const ref = only(reference, groups[i]);
          const cur = only(current, groups[i]);
          thread.postMessage({ kind: 'part', reference: ref, current: cur, columns: groups[i] }, [
            ...transferList(ref),
            ...transferList(cur),
          ]);
        }),
    ),
  );
  const merged = mergeComparisons(
    reference,
    halves.map((report) => ({ report, distributions: [] })),
  );
  return { ms: performance.now() - start, same: merged.report.columns.filter((c) => c.drifted).map((c) => c.name) };
}
type Windows = {
  count: number;
  size: number;
  uncachedMs: number;
  cachedMs: number;
  uncachedCpuMs: number;
  cachedCpuMs: number;
};
const runs: { roundTripMs: number; twoThreadsMs: number; computeMs: number; cpuMs: number; windows: Windows }[] = [];
let last: { drifted: string[]; tests: string[]; datasetDrift: boolean } | undefined;
for (let r = 0; r < RUNS; r++) {
  const reference = makeTable(1000 + r, false);
  const current = makeTable(2000 + r, true);
  const start = performance.now();
  const answer = await new Promise<{
    computeMs: number;
    cpuMs: number;
    drifted: string[];
    tests: string[];
    datasetDrift: boolean;
  }>((resolve) => {
    worker.once('message', resolve);
    worker.postMessage({ kind: 'report', reference, current, windows: WINDOWS }, [
      ...transferList(reference),
      ...transferList(current),
    ]);
  });
  const roundTripMs = performance.now() - start;
  // Then the windows, timed inside the worker.
  const windows = await new Promise<Windows>((resolve) => worker.once('message', resolve));
  const split = await twoThreads(makeTable(1000 + r, false), makeTable(2000 + r, true));
  if (split.same.join() !== answer.drifted.join())
    throw new Error(`Two threads found other drifted columns: ${split.same} vs ${answer.drifted}`);
  runs.push({ roundTripMs, twoThreadsMs: split.ms, computeMs: answer.computeMs, cpuMs: answer.cpuMs, windows });
  last = { drifted: answer.drifted, tests: answer.tests, datasetDrift: answer.datasetDrift };
}
await worker.terminate();
await second.terminate();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  JSON.stringify({
    node: process.version,
    rows: ROWS,
    columns: 20,
    runs,
    roundTripMs: median(runs.map((r) => r.roundTripMs)),
    twoThreadsMs: median(runs.map((r) => r.twoThreadsMs)),
    computeMs: median(runs.map((r) => r.computeMs)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    windows: {
      count: WINDOWS,
      size: runs[0].windows.size,
      uncachedMs: median(runs.map((r) => r.windows.uncachedMs)),
      cachedMs: median(runs.map((r) => r.windows.cachedMs)),
      uncachedCpuMs: median(runs.map((r) => r.windows.uncachedCpuMs)),
      cachedCpuMs: median(runs.map((r) => r.windows.cachedCpuMs)),
    },
    ...last,
  }),
);
