/**
 * Store-count benchmark: refreshing the lesson checks and the maturity
 * assessment on a folder workspace (the CLI's store) that holds many
 * prediction-log batches, as large replays leave it. Builds the workspace
 * (BATCHES batches × ENTRIES requests, written ten batches per change), then
 * times, median of RUNS, wall and CPU:
 *
 * - the two refreshes: `readLessonSnapshot` (lesson checks) and
 *   `readInventory` (maturity assessment, which verifies the audit chain and
 *   every record, so it still reads each batch once to hash it);
 * - the store operations they are made of: the prediction log read in full,
 *   by key only, counted; the audit log; `verifyStore`.
 *
 * With `--before <src dir>` it also times the two refreshes as another
 * source tree has them (e.g. the tree before `listKeys`), on the same
 * workspace, runs interleaved, and says whether both give the same result.
 * The tree must sit inside this repository so its imports find node_modules:
 *
 *   mkdir -p bench/.data/before && git archive <commit> src | tar -x -C bench/.data/before
 *   node --expose-gc --import tsx bench/store/node-store-count.ts --before bench/.data/before/src
 *
 *   node --import tsx bench/store/node-store-count.ts [--batches 200] [--entries 5000] [--runs 3]
 *
 * Prints one JSON line.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { FileWorkspaceStore } from '../../src/adapters/folder-store/file-workspace-store.ts';
import type { AuditDraft } from '../../src/core/audit/audit-event.ts';
import { verifyStore } from '../../src/core/audit/verify-store.ts';
import type { WorkspaceStore } from '../../src/core/ports.ts';
import { seededRng } from '../../src/core/random/rng.ts';
import { PredictionLogWriter } from '../../src/core/serving/replay/prediction-log.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string | null): string | null => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const BATCHES = Number(option('--batches', '200'));
const ENTRIES = Number(option('--entries', '5000'));
const RUNS = Number(option('--runs', '3'));
const BEFORE = option('--before', null);

interface Timing {
  wallMs: number;
  cpuMs: number;
}
interface Readers {
  readLessonSnapshot: (store: WorkspaceStore) => Promise<unknown>;
  readInventory: (store: WorkspaceStore) => Promise<unknown>;
}

const uptime = (): string => execSync('uptime').toString().trim();

async function time(body: () => Promise<unknown>): Promise<Timing & { result: unknown }> {
  (globalThis as { gc?: () => void }).gc?.();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await body();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000, result };
}

function medianOf(timings: Timing[]): Timing {
  const mid = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  return { wallMs: mid(timings.map((t) => t.wallMs)), cpuMs: mid(timings.map((t) => t.cpuMs)) };
}

async function readersOf(src: string): Promise<Readers> {
  const load = (path: string) => import(pathToFileURL(join(src, path)).href);
  const [lessons, maturity] = await Promise.all([
    load('state/lesson-snapshot.ts'),
    load('core/maturity/workspace-inventory.ts'),
  ]);
  return { readLessonSnapshot: lessons.readLessonSnapshot, readInventory: maturity.readInventory };
}

/** A replay's log: two versions in a canary, labels for most requests, cut into batches of ENTRIES. */
async function fill(store: FileWorkspaceStore): Promise<void> {
  const rng = seededRng(20240115);
  const classes = ['setosa', 'versicolor', 'virginica'];
  const at = '2026-01-01T00:00:00.000Z';
  for (let start = 0; start < BATCHES; start += 10) {
    const writer = new PredictionLogWriter(`replay-${start / 10}`);
    const count = Math.min(10, BATCHES - start) * ENTRIES;
    for (let i = 0; i < count; i++) {
      const canary = rng() < 0.1;
      const label = rng() < 0.9 ? classes[Math.floor(rng() * 3)] : null;
      writer.add(
        i,
        i % 150,
        canary ? 'iris@2' : 'iris@1',
        true,
        classes[Math.floor(rng() * 3)],
        rng() * 0.05,
        label,
        label === null ? null : i + 50,
      );
    }
    const puts = writer.batches().map((value) => ({ kind: 'predictionLogs' as const, value }));
    const event = { at, actor: 'bench', type: 'deployment.simulated', subject: writer.logId, data: {} } as AuditDraft;
    await store.commit({ puts }, event);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'workbench-store-count-'));
try {
  const build = await time(async () => {
    const store = await FileWorkspaceStore.open(join(dir, 'ws'));
    await fill(store);
  });
  const bytes = Number(
    execSync(`du -sb ${JSON.stringify(join(dir, 'ws'))}`)
      .toString()
      .split('\t')[0],
  );
  const after = await readersOf(resolve('src'));
  const before = BEFORE === null ? null : await readersOf(resolve(BEFORE));
  const store = await FileWorkspaceStore.open(join(dir, 'ws'));
  const up = [uptime()];

  const refresh = {
    after: { lessons: [] as Timing[], maturity: [] as Timing[] },
    before: { lessons: [] as Timing[], maturity: [] as Timing[] },
  };
  let same = true;
  for (let run = 0; run < RUNS; run++) {
    for (const [name, readers] of [
      ['after', after],
      ['before', before],
    ] as const) {
      if (!readers) continue;
      const lessons = await time(() => readers.readLessonSnapshot(store));
      const maturity = await time(() => readers.readInventory(store));
      refresh[name].lessons.push(lessons);
      refresh[name].maturity.push(maturity);
      if (name === 'before') {
        same &&= isDeepStrictEqual(lessons.result, await after.readLessonSnapshot(store));
        same &&= isDeepStrictEqual(maturity.result, await after.readInventory(store));
      }
    }
  }

  const ops: Record<string, () => Promise<unknown>> = {
    'listRecords(predictionLogs)': () => store.listRecords('predictionLogs'),
    'listKeys(predictionLogs)': () => store.listKeys('predictionLogs'),
    'countRecords(predictionLogs)': () => store.countRecords('predictionLogs'),
    'listAudit()': () => store.listAudit(),
    'verifyStore(store)': () => verifyStore(store),
  };
  const operations: Record<string, Timing> = {};
  for (const [name, op] of Object.entries(ops)) {
    const timings: Timing[] = [];
    for (let run = 0; run < RUNS; run++) timings.push(await time(op));
    operations[name] = medianOf(timings);
  }
  up.push(uptime());
  console.log(
    JSON.stringify({
      node: process.version,
      batches: BATCHES,
      entries: ENTRIES,
      runs: RUNS,
      workspaceBytes: bytes,
      buildMs: build.wallMs,
      after: { lessons: medianOf(refresh.after.lessons), maturity: medianOf(refresh.after.maturity) },
      before: before && {
        lessons: medianOf(refresh.before.lessons),
        maturity: medianOf(refresh.before.maturity),
        same,
      },
      operations,
      uptime: up,
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
