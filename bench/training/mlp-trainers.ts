/**
 * Where the MLP's typed-array trainer stops beating TF.js: CPU time per
 * epoch of each trainer (`trainMlp`'s `typed` on the WebAssembly SIMD
 * kernel, `typed-js` on the JS kernel, and `tfjs`) on the WASM
 * backend, for networks from small to wide, on 4,000 rows × 16 features,
 * 26 classes, batch 200, Adam. The threshold in train-mlp.ts
 * (TYPED_TRAINER_MAX_MACS, TYPED_WASM_TRAINER_MAX_MACS) come from this table.
 *
 * Run: `node --import tsx bench/training/mlp-trainers.ts`
 * The result (JSON) is the last line on stdout.
 */
import { selectNodeBackend } from '../../src/adapters/tf-backend/node-backend.ts';
import { defaultModelSpec } from '../../src/core/models/catalogue.ts';
import type { MlpSpec } from '../../src/core/models/mlp/mlp-spec.ts';
import { trainMlp, type MlpTrainer } from '../../src/core/models/mlp/train-mlp.ts';
import { seededRng } from '../../src/core/random/rng.ts';

const ROWS = 4_000;
const WIDTH = 16;
const CLASSES = 26;
const EPOCHS = 2;
const NETWORKS = [
  [64, 64],
  [128, 128],
  [256, 256],
  [512, 512],
  [1024, 1024],
];

const rng = seededRng(1);
const x = Float64Array.from({ length: ROWS * WIDTH }, () => rng() * 2 - 1);
const y = Int32Array.from({ length: ROWS }, () => Math.floor(rng() * CLASSES));
const data = { task: 'classification' as const, x, rows: ROWS, width: WIDTH, y, classCount: CLASSES };
const { tf } = (await selectNodeBackend('wasm')).runtime;
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const results = [];
for (const hiddenLayers of NETWORKS) {
  const spec: MlpSpec = { ...(defaultModelSpec('mlp') as MlpSpec), hiddenLayers, epochs: EPOCHS, earlyStopping: null };
  const sizes = [WIDTH, ...hiddenLayers, CLASSES];
  const macs = sizes.slice(1).reduce((sum, units, l) => sum + sizes[l] * units, 0);
  const row: Record<string, number | string> = { network: hiddenLayers.join('-'), macsPerRow: macs };
  for (const trainer of ['typed', 'typed-js', 'tfjs'] as MlpTrainer[]) {
    const start = cpuNow();
    await trainMlp(tf, data, spec, seededRng(2), undefined, trainer);
    row[`${trainer}MsPerEpoch`] = Math.round((cpuNow() - start) / EPOCHS);
  }
  process.stderr.write(`${JSON.stringify(row)}\n`);
  results.push(row);
}
console.log(JSON.stringify(results));
