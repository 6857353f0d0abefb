/**
 * Where a replay's time goes (issue 9, Performance): the replay worker's
 * path, step by step, in Node on the workspace node-serving.ts trained —
 * decode the stored traffic, load both versions, score each, route and
 * build the prediction log, digest its batches for the audit chain (what
 * the store's commit does), and the structured clone IndexedDB makes of
 * them, in CPU milliseconds. Run node-serving.ts first (it leaves `<data dir>/serving/ws`).
 *
 * Run: `node --import tsx bench/serving/profile-replay.ts <data dir> [kind…]`
 * (add `--cpu-prof` before `--import` for a profile to open in DevTools).
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { serialize } from 'node:v8';
import { selectNodeBackend } from '../../src/adapters/tf-backend/node-backend.ts';
import { openCliWorkspace } from '../../src/cli/workspace-option.ts';
import { recordDigest } from '../../src/core/audit/record-digest.ts';
import { decodeTable, encodeTable } from '../../src/core/data/versions/canonical-encoding.ts';
import { parseCsv } from '../../src/core/data/ingest/parse-csv.ts';
import { readFileSync } from 'node:fs';
import { readRegistry, resolveVersion } from '../../src/core/registry/registry-snapshot.ts';
import { loadServingModel } from '../../src/core/serving/predict/serving-model.ts';
import { PredictionLogWriter } from '../../src/core/serving/replay/prediction-log.ts';
import { prepareReplay } from '../../src/core/serving/replay/prepare-replay.ts';
import { runStrategy } from '../../src/core/serving/strategies/run-strategy.ts';

const [dataDir, ...rest] = process.argv.slice(2);
const kinds = rest.length ? rest : ['forest', 'logistic', 'mlp'];
const dir = join(dataDir, 'serving');
const backend = await selectNodeBackend();
const store = await openCliWorkspace(join(dir, 'ws'), false);
const bytes = encodeTable(parseCsv(new Uint8Array(readFileSync(join(dir, 'traffic.csv')))).table);
const snapshot = await readRegistry(store);

for (const kind of kinds) {
  const splits: [string, number][] = [];
  // CPU time of this process per step: the machine is shared, so wall time says little.
  let last = process.cpuUsage();
  const lap = (name: string) => {
    const used = process.cpuUsage(last);
    splits.push([name, (used.user + used.system) / 1000]);
    last = process.cpuUsage();
  };
  const traffic = decodeTable(bytes);
  lap('decode traffic');
  const models = [
    await loadServingModel(store, resolveVersion(snapshot, kind, 1), backend.runtime),
    await loadServingModel(store, resolveVersion(snapshot, kind, 2), backend.runtime),
  ];
  lap('load models');
  let scored = performance.now();
  const scoring: number[] = [];
  const stream = await prepareReplay({
    stable: models[0],
    candidate: models[1],
    traffic,
    target: 'label',
    timestamp: null,
    labelDelay: 0,
    seed: 42,
    clock: () => performance.now(),
    onProgress: (_, done, total) => {
      if (done === total) {
        scoring.push(performance.now() - scored);
        scored = performance.now();
      }
    },
  });
  lap(`prepare (scoring ${scoring.map((ms) => ms.toFixed(0)).join(' + ')} ms)`);
  const log = new PredictionLogWriter(`profile-${kind}`);
  runStrategy('shadow', stream, log, { ab: { baseline: 0.5 } });
  lap('route + build log');
  const batches = log.batches();
  for (const b of batches) recordDigest(b);
  lap(`digest ${batches.length} batches`);
  let size = 0;
  for (const b of batches) size += serialize(b).byteLength;
  lap(`structured clone (${(size / 1e6).toFixed(1)} MB)`);
  for (const m of models) m.predictor.dispose();
  const total = splits.reduce((s, [, ms]) => s + ms, 0);
  console.log(`${kind}: ${total.toFixed(0)} ms of CPU for ${traffic.rowCount} requests`);
  for (const [name, ms] of splits) console.log(`  ${name.padEnd(48)} ${ms.toFixed(0).padStart(6)} ms`);
}
