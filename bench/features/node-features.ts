/**
 * Feature-store performance (issue 11): the point-in-time join of 1,000,000
 * feature rows against 100,000 entity rows, in a worker thread (columns
 * transferred in, matches and feature columns transferred back) and on the
 * main thread; the same join written with Arquero (key join, filter on time,
 * per-row arg-max by group filter, left join back), on the same data and on
 * a tenth of it; and online lookups of 1,000 keys from a materialized table
 * of 100,000 entities; and what the per-entity timeline adds to a preview.
 *
 * Run: `node --expose-gc --import tsx bench/features/node-features.ts [--quick]`
 * Progress on stderr; the result (JSON) is the last line on stdout.
 */
import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import * as aq from 'arquero';
import { joinPointInTime, type PointInTimeInput } from '../../src/core/features/join/point-in-time-join.ts';
import { takeRows } from '../../src/core/features/join/take-rows.ts';
import { materializeView } from '../../src/core/features/online/materialize-view.ts';
import { lookupOnline } from '../../src/core/features/online/online-lookup.ts';
import type { FeatureViewRecord } from '../../src/core/features/definitions/feature-types.ts';
import { seededRng } from '../../src/core/random/rng.ts';
import { featureBenchData, type FeatureBenchData } from './feature-data.ts';
import { timelineCost } from './timeline-cost.ts';

const quick = process.argv.includes('--quick');
const FEATURE_ROWS = quick ? 100_000 : 1_000_000;
const ENTITIES = quick ? 10_000 : 100_000;
const RUNS = quick ? 1 : 3;
const LOOKUP_KEYS = 1_000;
const log = (line: string) => process.stderr.write(`${line}\n`);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function joinInput(data: FeatureBenchData): PointInTimeInput {
  return {
    entityKeys: [data.entities.key],
    timestamps: data.entities.ts,
    sourceKeys: [data.source.key],
    eventTimes: data.source.event,
    createdTimes: data.source.created,
    ttlMs: 30 * 86_400_000,
  };
}

async function inWorker(
  rows: number,
  entities: number,
): Promise<{ wallMs: number; joinMs: number; cpuMs: number; matched: number; spendSum: number }> {
  // tsx registered inside the worker, so it can load the TypeScript worker module.
  const url = new URL('./join-worker.ts', import.meta.url).href;
  const worker = new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); });`,
    {
      eval: true,
    },
  );
  const times: { wallMs: number; joinMs: number; cpuMs: number; matched: number; spendSum: number }[] = [];
  for (let run = 0; run < RUNS + 1; run++) {
    const data = featureBenchData(rows, entities);
    const input = joinInput(data);
    const features = [data.source.spend, data.source.visits];
    gc();
    const started = performance.now();
    const reply = await new Promise<{
      matchedRows: number;
      joinMs: number;
      cpuMs: number;
      features: { values: Float64Array }[];
    }>((resolve) => {
      worker.once('message', resolve);
      worker.postMessage({ input, features }, [
        data.source.key.codes.buffer as ArrayBuffer,
        data.source.event.buffer as ArrayBuffer,
        data.source.created.buffer as ArrayBuffer,
        data.entities.ts.buffer as ArrayBuffer,
        data.entities.key.codes.buffer as ArrayBuffer,
        data.source.spend.values.buffer as ArrayBuffer,
        data.source.visits.values.buffer as ArrayBuffer,
      ]);
    });
    const wallMs = performance.now() - started;
    const spendSum = reply.features[0].values.reduce((s, v) => (Number.isNaN(v) ? s : s + v), 0);
    // The first run warms the worker's JIT up; it is not counted.
    if (run > 0) times.push({ wallMs, joinMs: reply.joinMs, cpuMs: reply.cpuMs, matched: reply.matchedRows, spendSum });
  }
  await worker.terminate();
  return {
    wallMs: median(times.map((t) => t.wallMs)),
    joinMs: median(times.map((t) => t.joinMs)),
    cpuMs: median(times.map((t) => t.cpuMs)),
    matched: times[0].matched,
    spendSum: times[0].spendSum,
  };
}

function onMainThread(
  rows: number,
  entities: number,
): { ms: number; cpuMs: number; matched: number; spendSum: number } {
  const data = featureBenchData(rows, entities);
  const ms: number[] = [];
  const cpus: number[] = [];
  let matched = 0;
  let spendSum = 0;
  for (let run = 0; run < RUNS + 1; run++) {
    gc();
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = joinPointInTime(joinInput(data));
    const spend = takeRows(data.source.spend, result.matches) as { values: Float64Array };
    const used = process.cpuUsage(cpu);
    if (run > 0) ms.push(performance.now() - started);
    if (run > 0) cpus.push((used.user + used.system) / 1000);
    matched = result.matchedRows;
    spendSum = spend.values.reduce((s, v) => (Number.isNaN(v) ? s : s + v), 0);
  }
  return { ms: median(ms), cpuMs: median(cpus), matched, spendSum };
}

/** The same join with Arquero verbs: what the hand-written join is measured against. */
function withArquero(rows: number, entities: number): { ms: number; cpuMs: number; matched: number; spendSum: number } {
  const data = featureBenchData(rows, entities);
  const ttl = 30 * 86_400_000;
  const dict = data.source.key.dictionary;
  const left = aq.table({
    row: Int32Array.from({ length: entities }, (_, i) => i),
    customer: Array.from(data.entities.key.codes, (c) => dict[c]),
    ts: data.entities.ts,
  });
  const right = aq.table({
    customer: Array.from(data.source.key.codes, (c) => dict[c]),
    ev: data.source.event,
    created: data.source.created,
    spend: data.source.spend.values,
  });
  gc();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const picked = left
    .join(right, 'customer')
    .params({ ttl })
    .filter((d: { ev: number; ts: number }, $: { ttl: number }) => d.ev <= d.ts && d.ev >= d.ts - $.ttl)
    .orderby('row', aq.desc('ev'), aq.desc('created'))
    .groupby('row')
    .filter(() => aq.op.row_number() === 1)
    .ungroup()
    .select('row', 'spend');
  const out = left.join_left(picked, 'row').orderby('row');
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const spend = out.array('spend') as ArrayLike<number | undefined>;
  let matched = 0;
  let spendSum = 0;
  for (let i = 0; i < spend.length; i++) {
    const v = spend[i];
    if (v !== undefined && v !== null && !Number.isNaN(v)) {
      matched++;
      spendSum += v;
    }
  }
  return { ms, cpuMs, matched, spendSum };
}

function onlineLookup(): { lookupMs: number; firstLookupMs: number; entities: number; keys: number; found: number } {
  const data = featureBenchData(FEATURE_ROWS, ENTITIES);
  const view: FeatureViewRecord = {
    id: 'spend@1',
    name: 'spend',
    version: 1,
    entity: 'customer',
    source: 'bench',
    eventTime: 'ev',
    created: 'created',
    ttl: null,
    features: [
      { name: 'spend', expression: 'spend' },
      { name: 'visits', expression: 'visits' },
    ],
    sourceVersionId: 'bench',
    joinKeys: ['customer'],
    definitionHash: '',
    createdAt: '',
  };
  const end = Date.parse('2025-01-01T00:00:00Z');
  const table = materializeView(
    view,
    {
      keys: [data.source.key],
      eventTimes: data.source.event,
      createdTimes: data.source.created,
      features: [data.source.spend, data.source.visits],
    },
    end,
    undefined,
    '',
  );
  // A copy as the store hands it back: the index is built on the first lookup.
  const stored = structuredClone(table);
  const rng = seededRng(5);
  const keys = Array.from({ length: LOOKUP_KEYS }, () => `c${Math.floor(rng() * ENTITIES)}`);
  let started = performance.now();
  lookupOnline([{ view, table: stored }], keys, end);
  const firstLookupMs = performance.now() - started;
  const ms: number[] = [];
  let found = 0;
  for (let run = 0; run < 20; run++) {
    const batch = keys.map((k, i) => (i % 20 === run ? `c${Math.floor(rng() * ENTITIES)}` : k));
    started = performance.now();
    const result = lookupOnline([{ view, table: stored }], batch, end);
    ms.push(performance.now() - started);
    found = result.rows.filter((r) => r.values[0] !== null).length;
  }
  return { lookupMs: median(ms), firstLookupMs, entities: table.keys.length, keys: LOOKUP_KEYS, found };
}

log(
  `Point-in-time join, ${FEATURE_ROWS.toLocaleString('en')} feature rows × ${ENTITIES.toLocaleString('en')} entity rows, in a worker thread…`,
);
const worker = await inWorker(FEATURE_ROWS, ENTITIES);
log('… on the main thread…');
const main = onMainThread(FEATURE_ROWS, ENTITIES);
log('… with Arquero (a tenth of the data)…');
const arqueroSmall = withArquero(FEATURE_ROWS / 10, ENTITIES / 10);
const handSmall = onMainThread(FEATURE_ROWS / 10, ENTITIES / 10);
log('… with Arquero (all of it)…');
const arqueroFull = withArquero(FEATURE_ROWS, ENTITIES);
log('Online lookup…');
const online = onlineLookup();
log('Per-entity timeline…');
const timeline = timelineCost(FEATURE_ROWS, ENTITIES, RUNS);
console.log(
  JSON.stringify({
    node: process.version,
    featureRows: FEATURE_ROWS,
    entityRows: ENTITIES,
    worker,
    main,
    small: { featureRows: FEATURE_ROWS / 10, entityRows: ENTITIES / 10, hand: handSmall, arquero: arqueroSmall },
    arqueroFull,
    online,
    timeline,
  }),
);
