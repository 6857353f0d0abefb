#!/usr/bin/env node
/**
 * `npm run bench`: the performance measurements of issues 2 and 3, printed as
 * tables (see bench/README.md for what each one means). Measurements, not
 * tests: nothing here fails on a slow number.
 *
 *   npm run bench                      # everything
 *   npm run bench -- ingest version    # only some parts: see PARTS below
 *   npm run bench -- --quick           # small files, one run: a smoke check of the harness
 *   npm run bench -- --runs 5          # more runs per ingest contender (default 3)
 *
 * Generated data, builds and raw results live in bench/.data/ (git-ignored).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixed, mb, median, printTable } from './lib/table.js';
import { featuresPart } from './features/features-part.js';
import { scalePart } from './scale/scale-part.js';
import { servingPart } from './serving/serving-part.js';
import { driftPart } from './drift/drift-part.js';
import { expressionsPart } from './expressions/expressions-part.js';
import { letterPart } from './letter/letter-part.js';
import { trainingPart } from './training/training-part.js';
import { onnxPart } from './onnx/onnx-part.js';
import { parquetPart } from './parquet/parquet-part.js';
import { storePart } from './store/store-part.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dataDir = join(here, '.data');

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const quick = flag('--quick');
const runs = Number(value('--runs', quick ? 1 : 3));
const PARTS = [
  'ingest',
  'app',
  'version',
  'training',
  'app-training',
  'cli',
  'scale',
  'serving',
  'letter',
  'drift',
  'expressions',
  'features',
  'onnx',
  'parquet',
  'store',
];
const parts = PARTS.filter((p) => args.includes(p));
const wanted = (part) => parts.length === 0 || parts.includes(part);

const INGEST_MB = quick ? 10 : 100;
const LARGE_ROWS = quick ? 100_000 : 1_000_000;
const SEED = 20240115;

/** Runs a bench/*.ts script under tsx in its own Node (own heap, GC exposed); returns its last stdout line as JSON. */
function nodeScript(script, scriptArgs) {
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', join(here, script), ...scriptArgs],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  if (result.status !== 0) throw new Error(`${script} failed with exit code ${result.status}`);
  const lines = result.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

function ensureData(name, options) {
  const path = join(dataDir, name);
  const info = nodeScript('generate-csv.ts', [path, ...options, '--seed', String(SEED)]);
  console.error(
    `${info.cached ? 'Using' : 'Generated'} ${name}: ${info.rows.toLocaleString('en')} rows, ${mb(info.bytes)}`,
  );
  return { path, ...info };
}

const MB_S = (bytes, ms) => bytes / 1e6 / (ms / 1000);
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const GB = (bytes) => `${(bytes / 2 ** 30).toFixed(2)} GB`;
const MiB = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

async function ingestPart(results) {
  const file = ensureData(`ingest-${INGEST_MB}mb.csv`, ['--mb', String(INGEST_MB)]);
  console.error(`\nIngest in Node (${runs} run${runs > 1 ? 's' : ''} per contender)…`);
  const node = nodeScript('node-ingest.ts', [file.path, '--runs', String(runs)]);
  console.error(`Ingest in a Chromium module worker…`);
  const { browserIngest } = await import('./browser-ingest.js');
  const chromium = await browserIngest({ csvPath: file.path, runs });
  results.ingest = { file: { rows: file.rows, bytes: file.bytes }, node, chromium };

  const labels = Object.fromEntries(node.cases.map((c) => [c.id, c.label]));
  const summary = (env, id) => {
    const list = env.samples.filter((s) => s.id === id);
    const rowsOk = list.every((s) => s.rows === file.rows);
    return {
      mbs: MB_S(env.bytes, median(list.map((s) => s.ms))),
      runs: list.map((s) => (s.ms / 1000).toFixed(1)).join(' / '),
      rowsOk,
    };
  };
  const ids = Object.keys(labels);
  printTable(
    `CSV ingest: ${mb(file.bytes)}, ${file.rows.toLocaleString('en')} rows × 20 columns; median of ${runs} (MB/s, higher is better)`,
    ['contender', 'Chromium worker MB/s', 'runs (s)', 'Node MB/s', 'runs (s)', 'rows ok'],
    ids.map((id) => {
      const c = summary(chromium, id);
      const n = summary(node, id);
      return [labels[id], fixed(c.mbs), c.runs, fixed(n.mbs), n.runs, c.rowsOk && n.rowsOk ? 'yes' : 'NO'];
    }),
  );
  const ratio = (env) => summary(env, 'workbench').mbs / summary(env, 'papa-typed').mbs;
  printTable(
    'Workbench loader vs PapaParse with dynamicTyping (target ≥ 2×)',
    ['where', 'ratio', 'target met'],
    [
      ['Chromium module worker', `${fixed(ratio(chromium), 2)}×`, ratio(chromium) >= 2 ? 'yes' : 'no'],
      ['Node', `${fixed(ratio(node), 2)}×`, ratio(node) >= 2 ? 'yes' : 'no'],
    ],
  );
}

async function versionPart(results, large) {
  console.error(`\nVersion save and reopen in Node…`);
  const v = nodeScript('node-version.ts', [large.path, '--runs', String(runs)]);
  results.version = v;
  const m = (list) => median(list);
  const s = v.steps;
  const rows = [
    ['parseCsv (once, for context)', seconds(v.parseMs), '—'],
    ['profileTable', seconds(m(s.profileTable)), s.profileTable.map((x) => (x / 1000).toFixed(2)).join(' / ')],
    [
      'encodeWithId (canonical bytes + SHA-256)',
      seconds(m(s.encodeWithId)),
      s.encodeWithId.map((x) => (x / 1000).toFixed(2)).join(' / '),
    ],
    [
      'store write (in-memory store)',
      seconds(m(s.storeSave)),
      s.storeSave.map((x) => (x / 1000).toFixed(2)).join(' / '),
    ],
    ['= save (profile + encode + store)', seconds(m(s.profileTable) + m(s.encodeWithId) + m(s.storeSave)), ''],
    ['decodeTable', seconds(m(s.decodeTable)), s.decodeTable.map((x) => (x / 1000).toFixed(2)).join(' / ')],
    [
      'profileTable of the reopened table',
      seconds(m(s.reopenProfile)),
      s.reopenProfile.map((x) => (x / 1000).toFixed(2)).join(' / '),
    ],
    [
      'encodeWithId of the reopened table',
      seconds(m(s.reopenEncodeWithId)),
      s.reopenEncodeWithId.map((x) => (x / 1000).toFixed(2)).join(' / '),
    ],
    ['= reopen (decode + profile + id)', seconds(m(s.decodeTable) + m(s.reopenProfile) + m(s.reopenEncodeWithId)), ''],
  ];
  printTable(
    `Version save / reopen in Node: ${v.rows.toLocaleString('en')} rows × ${v.columns} columns (CSV ${mb(v.csvBytes)}, canonical ${mb(v.canonicalBytes)}); median of ${runs}`,
    ['step', 'median', 'runs (s)'],
    rows,
  );
}

async function appPart(results, large) {
  console.error(`\nThe built app in Chromium with ${large.rows.toLocaleString('en')} rows…`);
  const { appLarge } = await import('./app-large.js');
  const r = await appLarge({ csvPath: large.path, rows: large.rows });
  results.app = r;
  printTable(
    `The real app (vite build), ${r.rows.toLocaleString('en')} rows × 20 columns (${mb(large.bytes)}), one run`,
    ['step', 'time', 'long tasks', '> 50 ms', 'longest task'],
    [
      ...r.phases.map((p) => [
        p.name,
        seconds(p.ms),
        p.longTasks.count,
        p.longTasks.over50,
        `${fixed(p.longTasks.maxMs, 0)} ms`,
      ]),
      [
        'all three steps',
        seconds(r.phases.reduce((a, p) => a + p.ms, 0)),
        r.longTasks.count,
        r.longTasks.over50,
        `${fixed(r.longTasks.maxMs, 0)} ms`,
      ],
    ],
  );
  const { idle, peak } = r.memory;
  printTable(
    'Memory during those steps (sampled every 200 ms)',
    ['measure', 'idle app', 'peak'],
    [
      ['Chromium processes, sum of PSS', GB(idle.pss), GB(peak.pss)],
      ['Chromium processes, sum of RSS (overcounts shared pages)', GB(idle.rss), GB(peak.rss)],
      ['page JS heap used (CDP Performance.getMetrics)', '—', MiB(peak.pageHeap)],
      [
        `data worker JS heap used (CDP Runtime.getHeapUsage; ${peak.workerUnanswered} of ${peak.samples} samples unanswered while it was busy)`,
        MiB(idle.workerHeap),
        MiB(peak.workerHeap),
      ],
    ],
  );
  if (r.longFrames?.length) {
    printTable(
      'What the longest main-thread frames were made of (Long Animation Frames API)',
      ['at (page ms)', 'frame', 'style + layout', 'longest scripts'],
      r.longFrames.map((f) => [
        fixed(f.start, 0),
        `${fixed(f.duration, 0)} ms`,
        `${fixed(f.styleAndLayoutMs, 0)} ms`,
        f.scripts
          .sort((a, b) => b.ms - a.ms)
          .slice(0, 2)
          .map((x) => `${x.ms} ms ${x.what}`)
          .join('; ') || '—',
      ]),
    );
  }
  console.log(
    `Main-thread long-task goal (< 50 ms each): ${r.longTasks.maxMs < 50 ? 'met' : `not met, longest ${fixed(r.longTasks.maxMs, 0)} ms`}.`,
  );
}

async function appTrainingPart(results, { build }) {
  console.error(`\nTraining in the built app in Chromium (penguins sample)…`);
  const { appTraining } = await import('./app-training.js');
  const r = await appTraining({ dataDir, build });
  results.appTraining = r;
  printTable(
    `Training in the real app (vite build, Chromium ${r.chromium}), penguins sample: main-thread long tasks while each run trains`,
    ['run', 'backend', 'time', 'long tasks', '> 50 ms', 'longest task'],
    r.runs.map((x) => [x.name, x.backend, seconds(x.ms), x.longTasks, x.over50, `${fixed(x.maxMs, 0)} ms`]),
  );
  const longest = Math.max(...r.runs.map((x) => x.maxMs));
  console.log(
    `Main-thread long-task goal while training (< 50 ms each): ${longest < 50 ? 'met' : `not met, longest ${fixed(longest, 0)} ms`}.`,
  );
}

async function cliPart(results) {
  console.error(`\nCLI start-up (${runs} runs each)…`);
  const { cliStartup } = await import('./cli-startup.js');
  const load = loadavg()[0];
  const r = await cliStartup({ root, runs });
  results.cli = { ...r, loadAverage: load };
  const time = (t) => `${seconds(t.wallMs)} / ${seconds(t.cpuMs)}`;
  printTable(
    `CLI start-up, median of ${runs} runs, wall / CPU (load average ${load.toFixed(1)} on ${cpus().length} cores)`,
    ['command', 'dist-cli (built)', 'target', 'met', 'tsx, warm cache', 'tsx, cold', 'before (issue 7, tsx)'],
    [
      ['node -e 0 (the floor)', time(r.floor), '—', '—', '—', '—', '—'],
      ...r.cases.map((c) => [
        c.label,
        time(c.built),
        `< ${seconds(c.targetMs)}`,
        c.built.wallMs < c.targetMs ? 'yes' : 'no',
        time(c.tsxWarm),
        time(c.tsxCold),
        c.beforeMs === null ? '—' : seconds(c.beforeMs),
      ]),
    ],
  );
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  const results = {
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memory: GB(totalmem()), node: process.version },
    quick,
    runs,
  };
  console.log(
    `Benchmarks, ${results.at}: ${results.machine.cpus} × ${results.machine.cpu}, ${results.machine.memory} RAM, Node ${process.version}${quick ? ' (quick mode: small files)' : ''}`,
  );
  if (wanted('ingest') || wanted('app') || wanted('training')) {
    if (!existsSync('/usr/bin/chromium') && !process.env.CHROMIUM) {
      console.log('Chromium not found at /usr/bin/chromium (set CHROMIUM=…): skipping the browser measurements.');
    }
  }
  const large =
    wanted('app') || wanted('version')
      ? ensureData(quick ? 'rows-100k-x20.csv' : 'rows-1m-x20.csv', ['--rows', String(LARGE_ROWS)])
      : null;
  const hasChromium = existsSync(process.env.CHROMIUM ?? '/usr/bin/chromium');
  if (wanted('ingest') && hasChromium) await ingestPart(results);
  if (wanted('version')) await versionPart(results, large);
  if (wanted('app') && hasChromium) await appPart(results, large);
  if (wanted('training')) await trainingPart({ results, dataDir, quick, hasChromium, nodeScript });
  if (wanted('letter')) await letterPart({ results, dataDir, nodeScript });
  // The app part built bench/.data/app-dist already when it ran.
  if (wanted('app-training') && hasChromium) await appTrainingPart(results, { build: !(wanted('app') && hasChromium) });
  if (wanted('cli')) await cliPart(results);
  if (wanted('scale')) await scalePart({ results, quick, nodeScript });
  if (wanted('serving')) await servingPart({ results, dataDir, quick, nodeScript, hasChromium });
  if (wanted('drift')) await driftPart({ results, quick, nodeScript });
  if (wanted('expressions')) await expressionsPart({ results, quick, nodeScript });
  if (wanted('features')) await featuresPart({ results, quick, nodeScript });
  if (wanted('onnx')) await onnxPart({ results, quick, nodeScript });
  if (wanted('parquet')) await parquetPart({ results, quick, nodeScript });
  if (wanted('store')) await storePart({ results, quick, nodeScript });
  const out = join(dataDir, 'last-results.json');
  writeFileSync(out, JSON.stringify(results, null, 2));
  console.log(`\nRaw results: ${out}. The machine may be shared: repeat a run before trusting a surprising number.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
