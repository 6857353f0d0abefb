import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectNodeBackend } from '../../../../src/adapters/tf-backend/node-backend.ts';
import { defaultModelSpec } from '../../../../src/core/models/catalogue.ts';
import { loadMlp, predictMlp } from '../../../../src/core/models/mlp/mlp-model.ts';
import type { MlpSpec } from '../../../../src/core/models/mlp/mlp-spec.ts';
import { trainMlp, useTypedTrainer, type MlpData, type MlpTrainer } from '../../../../src/core/models/mlp/train-mlp.ts';
import { activeTf, type Tf, type TfRuntime } from '../../../../src/core/models/tf-runtime.ts';
import { seededRng } from '../../../../src/core/random/rng.ts';

/** Two well-separated Gaussian blobs per class, in 2 dimensions. */
function blobs(rows: number, classes: number, seed: number): MlpData {
  const rng = seededRng(seed);
  const x = new Float64Array(rows * 2);
  const y = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const c = r % classes;
    y[r] = c;
    x[2 * r] = Math.cos((2 * Math.PI * c) / classes) * 3 + (rng() - 0.5);
    x[2 * r + 1] = Math.sin((2 * Math.PI * c) / classes) * 3 + (rng() - 0.5);
  }
  return { task: 'classification', x, rows, width: 2, y, classCount: classes };
}

const spec: MlpSpec = {
  ...(defaultModelSpec('mlp') as MlpSpec),
  hiddenLayers: [8],
  epochs: 30,
  batchSize: 16,
  learningRate: 0.02,
};

/** The same core MLP code on each backend it is handed: plain-JS cpu, and WASM as the CLI starts it. */
const BACKENDS: Record<string, () => Promise<TfRuntime>> = {
  cpu: async () => ({ tf, backend: 'cpu' }),
  wasm: async () => (await selectNodeBackend('wasm')).runtime,
};

/**
 * Each backend with each trainer: the typed-array trainer (chosen for small networks) on its
 * WebAssembly SIMD kernel and on its JS one, and TF.js Layers.
 */
const RUNS = Object.keys(BACKENDS).flatMap((backend) =>
  (['typed', 'typed-js', 'tfjs'] as const).map((t) => [backend, t] as const),
);

describe.each(RUNS)('trainMlp on the %s backend with the %s trainer', (backend, trainer: MlpTrainer) => {
  let runtime: TfRuntime;
  let on: Tf;
  beforeAll(async () => {
    runtime = await BACKENDS[backend]();
    expect(runtime.backend).toBe(backend);
  }, 60_000);
  const use = async () => (on = await activeTf(runtime, 'MLP'));

  it('learns separable classes, keeps the best epoch, and leaks no tensor', async () => {
    await use();
    expect(on.getBackend()).toBe(backend);
    const before = on.memory().numTensors;
    const data = blobs(120, 3, 1);
    const { artifact, history } = await trainMlp(on, data, spec, seededRng(42), undefined, trainer);
    expect(history.length).toBeGreaterThan(3);
    expect(history[history.length - 1].loss).toBeLessThan(history[0].loss);
    const model = await loadMlp(on, artifact);
    const proba = await predictMlp(on, model, artifact, data.x, data.rows, 2);
    model.dispose();
    let correct = 0;
    for (let r = 0; r < data.rows; r++) {
      const row = Array.from(proba.subarray(r * 3, r * 3 + 3));
      if (row.indexOf(Math.max(...row)) === data.y[r]) correct++;
    }
    expect(correct / data.rows).toBeGreaterThan(0.95);
    expect(on.memory().numTensors).toBe(before);
  }, 60_000);

  it('gives identical weights and history for the same seed, and different ones for another seed', async () => {
    await use();
    const data = blobs(60, 2, 3);
    const short = { ...spec, epochs: 4 };
    const a = await trainMlp(on, data, short, seededRng(7), undefined, trainer);
    const b = await trainMlp(on, data, short, seededRng(7), undefined, trainer);
    const c = await trainMlp(on, data, short, seededRng(8), undefined, trainer);
    expect(b.history).toEqual(a.history);
    expect(Array.from(b.artifact.weightData)).toEqual(Array.from(a.artifact.weightData));
    expect(Array.from(c.artifact.weightData)).not.toEqual(Array.from(a.artifact.weightData));
  }, 60_000);

  it('fits a regression target on its own scale', async () => {
    await use();
    const rng = seededRng(5);
    const rows = 200;
    const x = Float64Array.from({ length: rows }, () => rng() * 2 - 1);
    const y = Float64Array.from(x, (v) => 1000 + 50 * v);
    const { artifact } = await trainMlp(
      on,
      { task: 'regression', x, rows, width: 1, y, classCount: 0 },
      { ...spec, epochs: 60, earlyStopping: null },
      seededRng(1),
      undefined,
      trainer,
    );
    const model = await loadMlp(on, artifact);
    const predicted = await predictMlp(on, model, artifact, Float64Array.of(0, 0.5), 2, 1);
    model.dispose();
    expect(predicted[0]).toBeCloseTo(1000, -1);
    expect(predicted[1]).toBeCloseTo(1025, -1);
  }, 60_000);

  it('stops with a divergence error naming the learning rate when the loss stops being finite', async () => {
    await use();
    const before = on.memory().numTensors;
    // Unscaled inputs in the millions and plain SGD at rate 1: the updates overflow float32 within a few batches.
    const rng = seededRng(9);
    const rows = 64;
    const x = Float64Array.from({ length: rows }, () => rng() * 1e6);
    const y = Float64Array.from(x, (v) => 3 * v);
    const steep: MlpSpec = { ...spec, optimizer: 'sgd', learningRate: 1, epochs: 20, earlyStopping: null };
    const training = trainMlp(
      on,
      { task: 'regression', x, rows, width: 1, y, classCount: 0 },
      steep,
      seededRng(1),
      undefined,
      trainer,
    );
    await expect(training).rejects.toMatchObject({ code: 'train.diverged' });
    await expect(training).rejects.toThrow(
      /MLP diverged: its loss became NaN in epoch \d+.*smaller learning rate \(it is 1; try 0\.1\)/,
    );
    expect(on.memory().numTensors).toBe(before);
  }, 60_000);
});

describe('the typed-array and TF.js trainers', () => {
  it('start from the same weights and follow the same batches for the same seed', async () => {
    const on = await activeTf({ tf, backend: 'cpu' }, 'MLP');
    const data = blobs(90, 3, 4);
    const short = { ...spec, epochs: 3 };
    const typed = await trainMlp(on, data, short, seededRng(5), undefined, 'typed');
    const layers = await trainMlp(on, data, short, seededRng(5), undefined, 'tfjs');
    // Only float64 against float32 arithmetic differs.
    typed.history.forEach((report, i) => {
      expect(report.loss).toBeCloseTo(layers.history[i].loss, 4);
      expect(report.valLoss).toBeCloseTo(layers.history[i].valLoss as number, 4);
      expect(report.accuracy).toBeCloseTo(layers.history[i].accuracy as number, 6);
    });
  }, 60_000);
});

describe('useTypedTrainer', () => {
  const shape = { width: 16, task: 'classification' as const, classCount: 26 };
  it('takes the typed-array trainer up to two layers of 1,024 on a CPU backend (WebAssembly kernel), TF.js on a GPU or wider', () => {
    expect(useTypedTrainer('wasm', spec, shape)).toBe(true);
    expect(useTypedTrainer('cpu', spec, shape)).toBe(true);
    expect(useTypedTrainer('webgl', spec, shape)).toBe(false);
    expect(useTypedTrainer('wasm', { ...spec, hiddenLayers: [1024, 1024] }, shape)).toBe(true);
    expect(useTypedTrainer('wasm', { ...spec, hiddenLayers: [2048, 1024] }, shape)).toBe(false);
  });
});

describe('activeTf', () => {
  it('refuses to run without a runtime instead of using whatever backend is global', async () => {
    await expect(activeTf(null, 'MLP (neural network)')).rejects.toMatchObject({ code: 'model.no_backend' });
  });

  it('switches the namespace to the runtime’s backend', async () => {
    await tf.setBackend('cpu');
    const wasm = (await selectNodeBackend('wasm')).runtime;
    await tf.setBackend('cpu');
    expect((await activeTf(wasm, 'MLP')).getBackend()).toBe('wasm');
  }, 60_000);
});
