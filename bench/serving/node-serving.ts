/**
 * Serving throughput and latency in Node (issue 9, Performance): trains two
 * versions each of the forest, logistic regression and MLP on a generated
 * 10,000-row set into a scratch workspace (the CLI's own path), then
 * - scores 100,000 generated requests with each version (predictions/s),
 * - replays those 100,000 requests through both versions with the shadow
 *   strategy (both score every request; routing, McNemar, and the prediction
 *   log of 200,000 entries written to the workspace) — requests/s end to end,
 * - times single-row requests after warm-up (p50/p95).
 *
 * Run: `node --expose-gc --import tsx bench/serving/node-serving.ts <data dir> [--quick]`
 * Progress on stderr; the result (JSON) is the last line on stdout.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { selectNodeBackend } from '../../src/adapters/tf-backend/node-backend.ts';
import { loadData, runAndReport } from '../../src/cli/run-training.ts';
import { openCliWorkspace } from '../../src/cli/workspace-option.ts';
import { parseCsv } from '../../src/core/data/ingest/parse-csv.ts';
import { seededRng, type Rng } from '../../src/core/random/rng.ts';
import { readRegistry, resolveVersion } from '../../src/core/registry/registry-snapshot.ts';
import { measureLatency } from '../../src/core/serving/predict/measure-latency.ts';
import { scoreTable } from '../../src/core/serving/predict/score-table.ts';
import { loadServingModel } from '../../src/core/serving/predict/serving-model.ts';
import { simulateRollout } from '../../src/core/serving/strategies/simulate-rollout.ts';
import { defaultPipelineSpec, type ModelKind, type ModelSpec } from '../../src/core/train/pipeline-spec.ts';

const args = process.argv.slice(2);
const dir = join(args[0], 'serving');
const quick = args.includes('--quick');
const log = (line: string) => process.stderr.write(`${line}\n`);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

const TRAIN_ROWS = quick ? 2_000 : 10_000;
const REQUESTS = quick ? 10_000 : 100_000;
const FEATURES = 8;
const KINDS: ModelKind[] = ['forest', 'logistic', 'mlp'];

/** Rows of a 3-class problem: 8 numbers and one 4-level category, the class from a noisy linear rule. */
function csv(rows: number, rng: Rng): string {
  const header = [...Array.from({ length: FEATURES }, (_, j) => `x${j}`), 'region', 'label'];
  const lines = [header.join(',')];
  const regions = ['north', 'south', 'east', 'west'];
  for (let r = 0; r < rows; r++) {
    const x = Array.from({ length: FEATURES }, () => rng() * 2 - 1);
    const region = Math.floor(rng() * 4);
    const score = x[0] + 0.8 * x[1] - 0.6 * x[2] + 0.4 * region - 0.6 + (rng() - 0.5) * 0.8;
    const label = score < -0.4 ? 'low' : score < 0.4 ? 'mid' : 'high';
    lines.push([...x.map((v) => v.toFixed(4)), regions[region], label].join(','));
  }
  return `${lines.join('\n')}\n`;
}

function model(kind: ModelKind, seed: number): ModelSpec {
  const spec = defaultPipelineSpec('', 'label', kind, seed).model;
  if (spec.kind === 'mlp') return { ...spec, epochs: quick ? 2 : 10, batchSize: 256, earlyStopping: null };
  if (spec.kind === 'forest' && quick) return { ...spec, trees: 20 };
  return spec;
}

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const trainPath = join(dir, 'train.csv');
const trafficPath = join(dir, 'traffic.csv');
writeFileSync(trainPath, csv(TRAIN_ROWS, seededRng(1)));
writeFileSync(trafficPath, csv(REQUESTS, seededRng(2)));
const wsDir = join(dir, 'ws');
const backend = await selectNodeBackend();
log(`Serving bench: TF.js backend ${backend.name}; training ${KINDS.length} × 2 versions on ${TRAIN_ROWS} rows…`);

const data = await loadData(trainPath);
const silent = { stdout: () => {}, stderr: () => {} };
for (const kind of KINDS) {
  for (const seed of [1, 2]) {
    const spec = { ...defaultPipelineSpec(data.versionId, 'label', kind, seed), model: model(kind, seed) };
    await runAndReport(data, spec, { predictions: null, json: true, workspace: wsDir, register: kind }, silent);
  }
}

const store = await openCliWorkspace(wsDir, false);
const traffic = parseCsv(new Uint8Array(Buffer.from(csv(REQUESTS, seededRng(2))))).table;
const snapshot = await readRegistry(store);
const results = [];
for (const kind of KINDS) {
  const version = resolveVersion(snapshot, kind, 1);
  const served = await loadServingModel(store, version, backend.runtime);
  await scoreTable(served, traffic); // warm-up
  gc();
  let started = performance.now();
  const cpuStart = process.cpuUsage();
  await scoreTable(served, traffic);
  const scoreMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  // On a shared machine wall time hides how much CPU the process got: report both.
  const scoreCpuMs = (cpu.user + cpu.system) / 1000;
  const latency = await measureLatency(served, traffic, { clock: () => performance.now(), samples: 2000, warmup: 500 });
  served.predictor.dispose();
  gc();
  started = performance.now();
  const replay = await simulateRollout(
    store,
    {
      strategy: 'shadow',
      stable: `${kind}@1`,
      candidate: `${kind}@2`,
      traffic,
      target: 'label',
      timestamp: null,
      labelDelay: 0,
      seed: 42,
      options: {},
      actor: 'bench',
      now: new Date().toISOString(),
      logId: `bench-${kind}`,
      apply: false,
    },
    { clock: () => performance.now(), tf: backend.runtime },
  );
  const replayMs = performance.now() - started;
  const row = {
    kind,
    requests: REQUESTS,
    scoreMs,
    predictionsPerSecond: REQUESTS / (scoreMs / 1000),
    scoreCpuMs,
    predictionsPerCpuSecond: REQUESTS / (scoreCpuMs / 1000),
    replayMs,
    replayRequestsPerSecond: REQUESTS / (replayMs / 1000),
    replayPredictionsPerSecond: (2 * REQUESTS) / (replayMs / 1000),
    logBatches: replay.logBatches,
    agreement: replay.strategy === 'shadow' ? replay.agreement : null,
    latency,
  };
  log(
    `  ${kind}: ${Math.round(row.predictionsPerSecond).toLocaleString('en')} predictions/s, replay ${(replayMs / 1000).toFixed(2)} s, p95 ${latency?.p95.toFixed(3)} ms`,
  );
  results.push(row);
}
console.log(
  JSON.stringify({
    node: process.version,
    backend: backend.name,
    trainRows: TRAIN_ROWS,
    requests: REQUESTS,
    models: results,
  }),
);
