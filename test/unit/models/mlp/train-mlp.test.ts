import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMlp, predictMlp } from '../../../../src/core/models/mlp/mlp-model.ts';
import { trainMlp, type MlpData } from '../../../../src/core/models/mlp/train-mlp.ts';
import { seededRng } from '../../../../src/core/random/rng.ts';
import { defaultModelSpec, type MlpSpec } from '../../../../src/core/train/pipeline-spec.ts';

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

describe('trainMlp', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('learns separable classes, keeps the best epoch, and leaks no tensor', async () => {
    const before = tf.memory().numTensors;
    const data = blobs(120, 3, 1);
    const { artifact, history } = await trainMlp(data, spec, seededRng(42));
    expect(history.length).toBeGreaterThan(3);
    expect(history[history.length - 1].loss).toBeLessThan(history[0].loss);
    const model = await loadMlp(artifact);
    const proba = await predictMlp(model, artifact, data.x, data.rows, 2);
    model.dispose();
    let correct = 0;
    for (let r = 0; r < data.rows; r++) {
      const row = Array.from(proba.subarray(r * 3, r * 3 + 3));
      if (row.indexOf(Math.max(...row)) === data.y[r]) correct++;
    }
    expect(correct / data.rows).toBeGreaterThan(0.95);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives identical weights and history for the same seed, and different ones for another seed', async () => {
    const data = blobs(60, 2, 3);
    const short = { ...spec, epochs: 4 };
    const a = await trainMlp(data, short, seededRng(7));
    const b = await trainMlp(data, short, seededRng(7));
    const c = await trainMlp(data, short, seededRng(8));
    expect(b.history).toEqual(a.history);
    expect(Array.from(b.artifact.weightData)).toEqual(Array.from(a.artifact.weightData));
    expect(Array.from(c.artifact.weightData)).not.toEqual(Array.from(a.artifact.weightData));
  });

  it('fits a regression target on its own scale', async () => {
    const rng = seededRng(5);
    const rows = 200;
    const x = Float64Array.from({ length: rows }, () => rng() * 2 - 1);
    const y = Float64Array.from(x, (v) => 1000 + 50 * v);
    const { artifact } = await trainMlp(
      { task: 'regression', x, rows, width: 1, y, classCount: 0 },
      { ...spec, epochs: 60, earlyStopping: null },
      seededRng(1),
    );
    const model = await loadMlp(artifact);
    const predicted = await predictMlp(model, artifact, Float64Array.of(0, 0.5), 2, 1);
    model.dispose();
    expect(predicted[0]).toBeCloseTo(1000, -1);
    expect(predicted[1]).toBeCloseTo(1025, -1);
  });
});
