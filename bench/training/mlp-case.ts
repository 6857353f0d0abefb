/**
 * The MLP throughput case, shared by Node (node-training.ts) and the
 * Chromium worker (browser/training.worker.ts) so both time the same code:
 * the workbench's `trainMlp` (seeded shuffle, TF.js Layers `fit`), on
 * whatever TF.js backend the caller has selected. It asks for the TF.js
 * trainer explicitly: on cpu and wasm the workbench would otherwise train
 * this small network with its typed-array kernel, and the backends would
 * not be compared (mlp-trainers.ts compares the two trainers).
 */
import * as tf from '@tensorflow/tfjs';
import { loadMlp, predictMlp } from '../../src/core/models/mlp/mlp-model.ts';
import { trainMlp, type MlpTrainer } from '../../src/core/models/mlp/train-mlp.ts';
import { seededRng } from '../../src/core/random/rng.ts';
import type { MlpSpec } from '../../src/core/models/mlp/mlp-spec.ts';

/** Hidden [64, 64], batch 256, 5 epochs, no early stopping: the "small dense model". */
export const MLP_BENCH_SPEC: MlpSpec = {
  kind: 'mlp',
  hiddenLayers: [64, 64],
  activation: 'relu',
  optimizer: 'adam',
  learningRate: 0.001,
  l2: 0.0001,
  batchSize: 256,
  epochs: 5,
  earlyStopping: null,
};

/** A loaded training set: the first `trainRows` rows train, the next `testRows` are held out. */
export interface BenchSet {
  x: Float64Array;
  y: Int32Array;
  features: number;
  classes: number;
  trainRows: number;
  testRows: number;
}

/** One timed MLP training. */
export interface MlpSample {
  backend: string;
  rows: number;
  epochs: number;
  /** The whole `trainMlp` call: tensors in, epochs, weights out. */
  totalMs: number;
  /** CPU time of the process meanwhile, when the caller can measure it (Node); else NaN. */
  cpuMs: number;
  /** Wall time of each epoch, measured between `onEpoch` callbacks. */
  epochMs: number[];
  /** rows × epochs / totalMs. */
  examplesPerSec: number;
  /** Epochs after the first (no kernel compilation or warm-up): rows × (epochs − 1) / their time. */
  steadyExamplesPerSec: number;
  finalLoss: number;
  /** Accuracy on up to 5,000 held-out rows (NaN when not evaluated). */
  heldOutAccuracy: number;
  /** tf.memory().numTensors after minus before: 0 means no leak. */
  tensorsLeaked: number;
}

/** How much of the set one backend trains on, and why. */
export interface MlpPlan {
  rows: number;
  epochs: number;
  /** Steady examples/s of a short probe (2,048 rows, 2 epochs), which also warms the backend up. */
  probeExamplesPerSec: number;
  /** Empty when the whole set and every epoch fit the budget. */
  note: string;
}

/**
 * Keeps a slow backend inside the time budget: all training rows when the
 * probe says they fit in `budgetMs`, else the first 20,000 rows (a fair
 * slice: the rows are shuffled), and 2 epochs instead of 5 when even that
 * would not fit. Examples/s hardly depends on the row count (the batches are
 * the same size), so the rows still compare.
 */
export async function planMlp(set: BenchSet, budgetMs: number, now: () => number): Promise<MlpPlan> {
  const probe = await timeMlp(set, Math.min(2_048, set.trainRows), { epochs: 2, now, evaluate: false });
  const rate = probe.steadyExamplesPerSec;
  const projected = (rows: number, epochs: number) => ((rows * epochs) / rate) * 1000;
  const epochs = MLP_BENCH_SPEC.epochs;
  if (projected(set.trainRows, epochs) <= budgetMs)
    return { rows: set.trainRows, epochs, probeExamplesPerSec: rate, note: '' };
  const rows = Math.min(20_000, set.trainRows);
  const full = `${set.trainRows.toLocaleString('en')} rows × ${epochs} epochs would take ~${Math.round(projected(set.trainRows, epochs) / 1000)} s`;
  if (projected(rows, epochs) <= budgetMs)
    return { rows, epochs, probeExamplesPerSec: rate, note: `${full}: first ${rows.toLocaleString('en')} rows` };
  return {
    rows,
    epochs: 2,
    probeExamplesPerSec: rate,
    note: `${full}: first ${rows.toLocaleString('en')} rows, 2 epochs`,
  };
}

/** Trains the bench MLP on the first `rows` training rows and times it. */
export async function timeMlp(
  set: BenchSet,
  rows: number,
  options: {
    epochs?: number;
    now: () => number;
    cpuNow?: () => number;
    seed?: number;
    evaluate?: boolean;
    trainer?: MlpTrainer;
  },
): Promise<MlpSample> {
  const spec = { ...MLP_BENCH_SPEC, epochs: options.epochs ?? MLP_BENCH_SPEC.epochs };
  const p = set.features;
  const data = {
    task: 'classification' as const,
    x: set.x.subarray(0, rows * p),
    rows,
    width: p,
    y: set.y.subarray(0, rows),
    classCount: set.classes,
  };
  const tensorsBefore = tf.memory().numTensors;
  const marks: number[] = [];
  let finalLoss = NaN;
  const cpuStart = options.cpuNow?.() ?? NaN;
  const start = options.now();
  const { artifact } = await trainMlp(
    tf,
    data,
    spec,
    seededRng(options.seed ?? 42),
    (report) => {
      marks.push(options.now());
      finalLoss = report.loss;
    },
    options.trainer ?? 'tfjs',
  );
  const totalMs = options.now() - start;
  const cpuMs = (options.cpuNow?.() ?? NaN) - cpuStart;
  const epochMs = marks.map((t, i) => t - (i === 0 ? start : marks[i - 1]));
  const steadyMs = marks.length > 1 ? marks[marks.length - 1] - marks[0] : NaN;

  const testRows = options.evaluate === false ? 0 : Math.min(set.testRows, 5_000);
  const at = set.trainRows;
  let correct = 0;
  if (testRows > 0) {
    const model = await loadMlp(tf, artifact);
    try {
      const proba = await predictMlp(tf, model, artifact, set.x.subarray(at * p, (at + testRows) * p), testRows, p);
      correct = countCorrect(proba, set.y.subarray(at, at + testRows), set.classes);
    } finally {
      model.dispose();
    }
  }
  return {
    backend: tf.getBackend(),
    rows,
    epochs: spec.epochs,
    totalMs,
    cpuMs,
    epochMs,
    examplesPerSec: (rows * spec.epochs) / (totalMs / 1000),
    steadyExamplesPerSec: (rows * (marks.length - 1)) / (steadyMs / 1000),
    finalLoss,
    heldOutAccuracy: correct / testRows,
    tensorsLeaked: tf.memory().numTensors - tensorsBefore,
  };
}

/** Rows whose most probable class (rows × k probabilities) is the label. */
export function countCorrect(proba: Float64Array, y: Int32Array, k: number): number {
  let correct = 0;
  for (let r = 0; r < y.length; r++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (proba[r * k + c] > proba[r * k + best]) best = c;
    if (best === y[r]) correct++;
  }
  return correct;
}
