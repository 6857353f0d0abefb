/**
 * Training time per model in Node, on both generated sets: the workbench
 * forest (100 trees, sklearn's defaults), logistic regression (L-BFGS, C=1),
 * ridge (binary set, y as a number), and the MLP (hidden [64, 64], batch
 * 256, 5 epochs) on TF.js's 'wasm' and 'cpu' backends, plus the npm package
 * ml-random-forest when it is installed in a scratch folder (see
 * ml-random-forest-case.ts). Every model is checked on held-out rows, so a
 * fast but broken model shows.
 *
 * Run: `node --expose-gc --import tsx bench/training/node-training.ts <data dir> [--quick] [--only forest,linear,mlp,mlrf]`
 * Progress on stderr; the result (JSON) is the last line on stdout.
 */
import { performance } from 'node:perf_hooks';
import { selectNodeBackend, type NodeBackendName } from '../../src/adapters/tf-backend/node-backend.ts';
import { predictClass, trainForest } from '../../src/core/models/forest/index.ts';
import { fitLogistic, fitRidge, predictLogistic, predictRidge } from '../../src/core/models/linear/index.ts';
import { seededRng } from '../../src/core/random/rng.ts';
import { TRAINING_SETS, ensureTrainingSet, readTrainingSet } from './generate-training-data.ts';
import { compareWithMlRandomForest } from './ml-random-forest-case.ts';
import { planMlp, timeMlp, type BenchSet, type MlpSample } from './mlp-case.ts';

const args = process.argv.slice(2);
const dir = args[0];
const quick = args.includes('--quick');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1].split(',') : null;
const wanted = (part: string) => !only || only.includes(part);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const log = (line: string) => process.stderr.write(line + '\n');

const TREES = quick ? 10 : 100;
/** Most time one MLP training may take before it moves to a 20,000-row slice (see planMlp). */
const MLP_BUDGET_MS = 40_000;

/** One timed training of a model that is not the MLP. */
interface ModelSample {
  set: string;
  model: 'forest' | 'logistic' | 'ridge';
  ms: number;
  /** CPU time of this process (all its threads) meanwhile: on a loaded machine it shows what wall time hides. */
  cpuMs: number;
  /** Held-out accuracy (ridge: the prediction rounded at 0.5). */
  accuracy: number;
  detail: string;
}

const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function timed<T>(work: () => T): { value: T; ms: number; cpuMs: number } {
  gc();
  const start = performance.now();
  const cpuStart = cpuNow();
  const value = work();
  return { value, ms: performance.now() - start, cpuMs: cpuNow() - cpuStart };
}

function share(predicted: ArrayLike<number>, actual: Int32Array): number {
  let ok = 0;
  for (let i = 0; i < actual.length; i++) if (predicted[i] === actual[i]) ok++;
  return ok / actual.length;
}

const sets = TRAINING_SETS.map((spec) => {
  const info = ensureTrainingSet(dir, spec);
  const { x, y } = readTrainingSet(dir, info);
  const set: BenchSet = {
    x,
    y,
    features: info.features,
    classes: info.classes,
    trainRows: info.trainRows,
    testRows: info.testRows,
  };
  return { name: info.name, set };
});

const models: ModelSample[] = [];
for (const { name, set } of sets) {
  const p = set.features;
  const rows = set.trainRows;
  const x = set.x.subarray(0, rows * p);
  const y = set.y.subarray(0, rows);
  const testX = set.x.subarray(rows * p);
  const testY = set.y.subarray(rows);
  const design = { x, rows, features: p };
  const test = { x: testX, rows: set.testRows, features: p };

  if (wanted('forest')) {
    const forest = timed(() =>
      trainForest(
        { task: 'classification', ...design, y, classCount: set.classes },
        { task: 'classification', trees: TREES },
        seededRng(42),
      ),
    );
    const nodes = forest.value.trees.reduce((n, t) => n + t.feature.length, 0);
    models.push({
      set: name,
      model: 'forest',
      ms: forest.ms,
      cpuMs: forest.cpuMs,
      accuracy: share(predictClass(forest.value, testX, set.testRows), testY),
      detail: `${TREES} trees, ${Math.round(nodes / TREES).toLocaleString('en')} nodes per tree`,
    });
    log(`  node forest ${name}: ${(forest.ms / 1000).toFixed(2)} s`);
  }
  if (wanted('linear')) {
    const logistic = timed(() => fitLogistic({ ...design, y, classCount: set.classes }));
    const { iterations, converged } = logistic.value.fit;
    models.push({
      set: name,
      model: 'logistic',
      ms: logistic.ms,
      cpuMs: logistic.cpuMs,
      accuracy: share(predictLogistic(logistic.value, test), testY),
      detail: `${iterations} L-BFGS iterations, ${converged ? 'converged' : 'NOT converged'}`,
    });
    log(`  node logistic ${name}: ${(logistic.ms / 1000).toFixed(2)} s`);
    if (set.classes === 2) {
      const ridge = timed(() => fitRidge({ ...design, y: Float64Array.from(y) }));
      const predicted = predictRidge(ridge.value, test);
      let ss = 0;
      let total = 0;
      const mean = testY.reduce((a, v) => a + v, 0) / testY.length;
      for (let i = 0; i < testY.length; i++) {
        ss += (predicted[i] - testY[i]) ** 2;
        total += (testY[i] - mean) ** 2;
      }
      models.push({
        set: name,
        model: 'ridge',
        ms: ridge.ms,
        cpuMs: ridge.cpuMs,
        accuracy: share(
          Array.from(predicted, (v) => (v >= 0.5 ? 1 : 0)),
          testY,
        ),
        detail: `held-out R² ${(1 - ss / total).toFixed(3)}`,
      });
      log(`  node ridge ${name}: ${(ridge.ms / 1000).toFixed(3)} s`);
    }
  }
}

const mlp: (MlpSample & { set: string; note: string; reason: string; tfVersion: string })[] = [];
if (wanted('mlp')) {
  for (const preference of ['wasm', 'cpu'] as NodeBackendName[]) {
    const choice = await selectNodeBackend(preference);
    if (choice.name !== preference) log(`  node ${preference}: could not start (${choice.reason})`);
    for (const { name, set } of sets) {
      gc();
      const now = () => performance.now();
      const plan = quick
        ? { rows: Math.min(set.trainRows, 5_000), epochs: 2, note: 'quick mode' }
        : await planMlp(set, MLP_BUDGET_MS, now);
      const sample = await timeMlp(set, plan.rows, { epochs: plan.epochs, now, cpuNow });
      mlp.push({ ...sample, set: name, note: plan.note, reason: choice.reason, tfVersion: choice.tfVersion });
      log(
        `  node mlp ${sample.backend} ${name}: ${(sample.totalMs / 1000).toFixed(2)} s, ${Math.round(sample.examplesPerSec).toLocaleString('en')} examples/s${plan.note ? ` (${plan.note})` : ''}`,
      );
    }
  }
}

let mlRandomForest = null;
if (wanted('mlrf')) {
  const multiclass = sets[0].set;
  const slices = quick
    ? [{ rows: 500, trees: 1 }]
    : [
        { rows: 1_000, trees: 2 },
        { rows: 2_000, trees: 1 },
      ];
  mlRandomForest = await compareWithMlRandomForest(multiclass, slices, 100, log);
  if (!mlRandomForest.installed) log(`  ml-random-forest: not installed (${mlRandomForest.path})`);
}

console.log(
  JSON.stringify({
    node: process.version,
    quick,
    trees: TREES,
    sets: sets.map((s) => ({ name: s.name, ...s.set, x: undefined, y: undefined })),
    models,
    mlp,
    mlRandomForest,
  }),
);
