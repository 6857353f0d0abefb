import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { gemmNT, jsDenseKernel } from '../../../../src/core/models/mlp/dense-gemm.ts';
import type { DenseKernel } from '../../../../src/core/models/mlp/dense-kernel.ts';
import {
  backward,
  createDenseNet,
  createWorkspace,
  denseFloats,
  forward,
  loadRows,
  onKernel,
  outputLoss,
  zerosLike,
  type DenseNet,
  type HiddenActivation,
} from '../../../../src/core/models/mlp/dense-net.ts';
import { wasmDenseKernelFactory } from '../../../../src/core/models/mlp/dense-wasm.ts';
import { denseOptimizer } from '../../../../src/core/models/mlp/dense-optimizer.ts';
import { seededRng } from '../../../../src/core/random/rng.ts';

const ROWS = 7;
const WIDTH = 3;

function rowsOf(seed: number) {
  const rng = seededRng(seed);
  const x = Float64Array.from({ length: ROWS * WIDTH }, () => rng() * 4 - 2);
  const classes = Int32Array.from({ length: ROWS }, () => Math.floor(rng() * 4));
  const values = Float64Array.from({ length: ROWS }, () => rng() * 2 - 1);
  return { x, classes, values };
}

/** The same network's loss and gradients as TF.js computes them (float32), weights by layer: kernel, bias. */
function tfGradients(net: DenseNet, x: Float64Array, target: Float64Array | Int32Array, l2: number) {
  return tf.tidy(() => {
    const last = net.kernels.length - 1;
    const vars = net.kernels.flatMap((k, l) => [
      tf.variable(tf.tensor2d(Float32Array.from(k), [net.sizes[l], net.sizes[l + 1]])),
      tf.variable(tf.tensor1d(Float32Array.from(net.biases[l]))),
    ]);
    const input = tf.tensor2d(Float32Array.from(x), [ROWS, WIDTH]);
    const { value, grads } = tf.variableGrads(() => {
      let h: tf.Tensor = input;
      for (let l = 0; l <= last; l++) {
        h = h.matMul(vars[2 * l]).add(vars[2 * l + 1]);
        if (l < last) h = net.activation === 'relu' ? h.relu() : net.activation === 'tanh' ? h.tanh() : h.sigmoid();
      }
      const loss =
        net.task === 'classification'
          ? tf.metrics
              .categoricalCrossentropy(tf.oneHot(tf.tensor1d(target as Int32Array, 'int32'), 4), h.softmax())
              .mean()
          : tf.losses.meanSquaredError(tf.tensor2d(Float32Array.from(target), [ROWS, 1]), h);
      let penalty: tf.Tensor = tf.scalar(0);
      for (let l = 0; l < last; l++) penalty = penalty.add(vars[2 * l].square().sum().mul(l2));
      return loss.add(penalty) as tf.Scalar;
    });
    const out = { loss: value.dataSync()[0], grads: vars.map((v) => Array.from(grads[v.name].dataSync())) };
    vars.forEach((v) => v.dispose());
    return out;
  });
}

/** Both kernels: WebAssembly SIMD (f32) and plain JS (f64). */
const KERNELS: Record<DenseKernel['name'], (floats: number) => DenseKernel> = {
  wasm: (floats) => wasmDenseKernelFactory()!(floats),
  js: () => jsDenseKernel(),
};

function ourGradients(
  initial: DenseNet,
  x: Float64Array,
  target: Float64Array | Int32Array,
  l2: number,
  kernelName: DenseKernel['name'],
) {
  const kernel = KERNELS[kernelName](denseFloats(initial.sizes, ROWS));
  const net = onKernel(initial, kernel);
  const ws = createWorkspace(net, ROWS, kernel);
  loadRows(
    ws,
    x,
    WIDTH,
    Int32Array.from({ length: ROWS }, (_, i) => i),
    0,
    ROWS,
  );
  forward(net, ws, ROWS);
  const { loss } = outputLoss(net, ws, ROWS, (r) => target[r], true);
  const grads = zerosLike(net, kernel);
  const penalty = backward(net, ws, ROWS, grads, l2);
  return { loss: loss + penalty, grads: grads.kernels.flatMap((k, l) => [Array.from(k), Array.from(grads.biases[l])]) };
}

function expectClose(ours: number[], theirs: number[]) {
  expect(ours.length).toBe(theirs.length);
  const scale = Math.max(1e-3, ...theirs.map(Math.abs));
  ours.forEach((v, i) => expect(Math.abs(v - theirs[i]) / scale).toBeLessThan(1e-4));
}

describe('the typed-array MLP kernel against TF.js', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('has the WebAssembly SIMD kernel in this runtime (Node 20)', () => {
    expect(wasmDenseKernelFactory()).not.toBeNull();
  });

  const cases: [DenseNet['task'], HiddenActivation, DenseKernel['name']][] = (['wasm', 'js'] as const).flatMap((k) => [
    ['classification', 'relu', k],
    ['classification', 'tanh', k],
    ['classification', 'sigmoid', k],
    ['regression', 'relu', k],
  ]);
  it.each(cases)(
    'gives TF.js’s loss and gradients (%s, %s, two hidden layers, L2, %s kernel)',
    (task, activation, kernelName) => {
      const net = createDenseNet([WIDTH, 5, 6, task === 'classification' ? 4 : 1], activation, task, seededRng(11));
      // Non-zero biases, so their gradients flow through the comparison too.
      const rng = seededRng(12);
      net.biases.forEach((b) => b.forEach((_, i) => (b[i] = rng() - 0.5)));
      const { x, classes, values } = rowsOf(3);
      const target = task === 'classification' ? classes : values;
      const before = tf.memory().numTensors;
      const theirs = tfGradients(net, x, target, 0.01);
      expect(tf.memory().numTensors).toBe(before);
      const ours = ourGradients(net, x, target, 0.01, kernelName);
      expect(ours.loss).toBeCloseTo(theirs.loss, 4);
      ours.grads.forEach((g, i) => expectClose(g, theirs.grads[i]));
    },
  );

  it.each(['adam', 'sgd', 'rmsprop'] as const)('updates weights as TF.js’s %s does over three steps', (optimizer) => {
    const rng = seededRng(5);
    const shape = { kernels: [Float64Array.from({ length: 6 }, () => rng() - 0.5)], biases: [new Float64Array(3)] };
    const grads = [0, 1, 2].map(() => ({
      kernels: [Float64Array.from({ length: 6 }, () => rng() - 0.5)],
      biases: [Float64Array.from({ length: 3 }, () => rng() - 0.5)],
    }));
    const spec = { optimizer, learningRate: 0.05 };
    const step = denseOptimizer(spec, shape);
    const params = { kernels: [shape.kernels[0].slice()], biases: [shape.biases[0].slice()] };
    grads.forEach((g) => step(params, g));

    const kernel = tf.variable(tf.tensor1d(Float32Array.from(shape.kernels[0])));
    const bias = tf.variable(tf.tensor1d(Float32Array.from(shape.biases[0])));
    const tfOptimizer =
      optimizer === 'adam' ? tf.train.adam(0.05) : optimizer === 'sgd' ? tf.train.sgd(0.05) : tf.train.rmsprop(0.05);
    for (const g of grads) {
      const named = [
        { name: kernel.name, tensor: tf.tensor1d(Float32Array.from(g.kernels[0])) },
        { name: bias.name, tensor: tf.tensor1d(Float32Array.from(g.biases[0])) },
      ];
      tfOptimizer.applyGradients(named);
      tf.dispose(named.map((n) => n.tensor));
    }
    expectClose(Array.from(params.kernels[0]), Array.from(kernel.dataSync()));
    expectClose(Array.from(params.biases[0]), Array.from(bias.dataSync()));
    tfOptimizer.dispose();
    tf.dispose([kernel, bias]);
  });

  it('multiplies by a transposed matrix for every shape parity', () => {
    const rng = seededRng(8);
    for (const [m, n, k] of [
      [1, 1, 1],
      [3, 5, 2],
      [4, 4, 7],
      [5, 2, 3],
    ]) {
      const a = Float64Array.from({ length: m * k }, () => rng() - 0.5);
      const b = Float64Array.from({ length: n * k }, () => rng() - 0.5);
      const c = new Float64Array(m * n);
      gemmNT(a, b, c, m, n, k);
      for (let i = 0; i < m; i++)
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let p = 0; p < k; p++) s += a[i * k + p] * b[j * k + p];
          expect(c[i * n + j]).toBeCloseTo(s, 12);
        }
    }
  });
});
