/**
 * A small dense network as typed arrays, trained on the CPU without TF.js
 * (see dense-trainer.ts for why). The matrix products run on a
 * {@link DenseKernel}: f32 WebAssembly SIMD, or Float64 JS arithmetic on
 * weights that stay float32 values (dense-optimizer.ts), as TF.js saves them.
 */
import type { Rng } from '../../random/rng.ts';
import { transpose } from './dense-gemm.ts';
import type { DenseKernel, Floats } from './dense-kernel.ts';

export type HiddenActivation = 'relu' | 'tanh' | 'sigmoid';

export interface DenseNet {
  /** Units per layer, inputs first: [width, ...hidden, outputs]. */
  sizes: number[];
  activation: HiddenActivation;
  task: 'classification' | 'regression';
  /** Per layer: kernel (`inputs × units`, row-major as TF.js's Dense) and bias. */
  kernels: Floats[];
  biases: Floats[];
}

/** Gradients (or any per-weight buffer) shaped like a network's weights. */
export interface DenseParams {
  kernels: Floats[];
  biases: Floats[];
}

/** Glorot-uniform kernels from `rng` (as TF.js's glorotUniform), zero biases. */
export function createDenseNet(
  sizes: number[],
  activation: HiddenActivation,
  task: DenseNet['task'],
  rng: Rng,
): DenseNet {
  const kernels: Float64Array[] = [];
  const biases: Float64Array[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const limit = Math.sqrt(6 / (sizes[l] + sizes[l + 1]));
    kernels.push(Float64Array.from({ length: sizes[l] * sizes[l + 1] }, () => Math.fround((2 * rng() - 1) * limit)));
    biases.push(new Float64Array(sizes[l + 1]));
  }
  return { sizes, activation, task, kernels, biases };
}

/** Zeroed buffers shaped like `net`'s weights, from `kernel` when they take part in its products. */
export function zerosLike(net: DenseParams, kernel?: DenseKernel): DenseParams {
  const floats = (n: number) => (kernel ? kernel.floats(n) : new Float64Array(n));
  return { kernels: net.kernels.map((k) => floats(k.length)), biases: net.biases.map((b) => floats(b.length)) };
}

/** A copy of `net` in `kernel`'s buffers. */
export function onKernel(net: DenseNet, kernel: DenseKernel): DenseNet {
  const copy = zerosLike(net, kernel);
  copy.kernels.forEach((k, l) => k.set(net.kernels[l]));
  copy.biases.forEach((b, l) => b.set(net.biases[l]));
  return { ...net, ...copy };
}

/**
 * How many floats {@link onKernel}, a gradient buffer, the optimizer's two
 * moment buffers and {@link createWorkspace} take from a kernel, each buffer
 * rounded up to 4 (the WebAssembly kernel's alignment): what its memory is sized to.
 */
export function denseFloats(sizes: number[], capacity: number): number {
  const round = (n: number) => Math.ceil(n / 4) * 4;
  let total = 0;
  for (let l = 0; l + 1 < sizes.length; l++) total += 5 * round(sizes[l] * sizes[l + 1]) + 4 * round(sizes[l + 1]);
  for (const n of sizes) total += 2 * round(capacity * n);
  return total + round(capacity);
}

/** Activations of every layer for up to `capacity` rows, and scratch space, reused across batches. */
export interface Workspace {
  kernel: DenseKernel;
  capacity: number;
  /** acts[0] holds the input rows; acts[l] the outputs of layer l (softmax probabilities or linear values last). */
  acts: Floats[];
  /** Gradient of the loss by each layer's pre-activation (by its output for acts[0], unused). */
  deltas: Floats[];
  /** Each kernel transposed (`units × inputs`), for the backward pass's `δ·Wᵀ`. */
  kernelsT: Floats[];
  /** `capacity` ones: the bias gradient is `1ᵀ·δ`. */
  ones: Floats;
}

/** Buffers for up to `capacity` rows of `net` (whose weights must be `kernel`'s: see {@link onKernel}). */
export function createWorkspace(net: DenseNet, capacity: number, kernel: DenseKernel): Workspace {
  return {
    kernel,
    capacity,
    acts: net.sizes.map((n) => kernel.floats(capacity * n)),
    deltas: net.sizes.map((n) => kernel.floats(capacity * n)),
    kernelsT: net.kernels.map((k) => kernel.floats(k.length)),
    ones: kernel.floats(capacity).fill(1),
  };
}

/** Copies the given rows of `x` (row-major, `width` wide) into the workspace's input. */
export function loadRows(ws: Workspace, x: Float64Array, width: number, rows: Int32Array, from: number, count: number) {
  const input = ws.acts[0];
  for (let r = 0; r < count; r++) {
    const src = rows[from + r] * width;
    const dst = r * width;
    for (let c = 0; c < width; c++) input[dst + c] = x[src + c];
  }
}

/** Runs the loaded rows through the network; the output is `ws.acts[last]`. */
export function forward(net: DenseNet, ws: Workspace, rows: number): void {
  const { sizes, kernels, biases } = net;
  const last = sizes.length - 1;
  for (let l = 0; l < last; l++) {
    const inputs = sizes[l];
    const units = sizes[l + 1];
    const z = ws.acts[l + 1];
    const b = biases[l];
    ws.kernel.gemm(ws.acts[l], inputs, 1, kernels[l], z, rows, units, inputs, false);
    const hidden = l + 1 < last;
    ws.kernel.biasActivate(z, b, rows, units, hidden && net.activation === 'relu');
    if (hidden && net.activation !== 'relu') squash(z, rows * units, net.activation);
    if (!hidden && net.task === 'classification') ws.kernel.softmaxRows(z, rows, units);
  }
}

function squash(z: Floats, n: number, activation: HiddenActivation): void {
  if (activation === 'tanh') for (let j = 0; j < n; j++) z[j] = Math.tanh(z[j]);
  else for (let j = 0; j < n; j++) z[j] = 1 / (1 + Math.exp(-z[j]));
}

/** TF.js's categorical cross-entropy clips probabilities to [ε, 1 − ε]. */
const PROB_EPSILON = 1e-7;

/**
 * Mean loss of the forwarded rows against their targets (class indices or
 * standardized values), without the weight penalty; with `delta`, also
 * writes the gradient by the output pre-activation into `ws.deltas[last]`.
 */
export function outputLoss(
  net: DenseNet,
  ws: Workspace,
  rows: number,
  target: (r: number) => number,
  delta: boolean,
): { loss: number; correct: number } {
  const last = net.sizes.length - 1;
  const k = net.sizes[last];
  const out = ws.acts[last];
  const d = ws.deltas[last];
  let loss = 0;
  let correct = 0;
  for (let r = 0; r < rows; r++) {
    const o = r * k;
    if (net.task === 'regression') {
      const diff = out[o] - target(r);
      loss += diff * diff;
      if (delta) d[o] = (2 * diff) / rows;
      continue;
    }
    const y = target(r);
    const p = Math.min(Math.max(out[o + y], PROB_EPSILON), 1 - PROB_EPSILON);
    loss -= Math.log(p);
    let best = 0;
    for (let j = 1; j < k; j++) if (out[o + j] > out[o + best]) best = j;
    if (best === y) correct++;
    if (delta) for (let j = 0; j < k; j++) d[o + j] = (out[o + j] - (j === y ? 1 : 0)) / rows;
  }
  return { loss: loss / rows, correct };
}

/**
 * Backpropagates `ws.deltas[last]` (from {@link outputLoss}) into `grads`,
 * overwriting them, and adds the L2 penalty's gradient `2·l2·W` on the
 * hidden kernels (TF.js's `regularizers.l2`; the head has none). Returns the
 * penalty `l2·ΣW²` for the loss.
 */
export function backward(net: DenseNet, ws: Workspace, rows: number, grads: DenseParams, l2: number): number {
  const { sizes, kernels } = net;
  let penalty = 0;
  for (let l = sizes.length - 2; l >= 0; l--) {
    const inputs = sizes[l];
    const units = sizes[l + 1];
    const a = ws.acts[l];
    const dz = ws.deltas[l + 1];
    const w = kernels[l];
    const gw = grads.kernels[l];
    const gb = grads.biases[l];
    // ∂W = aᵀ·δ and ∂b = 1ᵀ·δ (the sum of δ's rows).
    ws.kernel.gemm(a, 1, inputs, dz, gw, inputs, units, rows, false);
    ws.kernel.gemm(ws.ones, 0, 1, dz, gb, 1, units, rows, false);
    if (l > 0) {
      // δ of the layer below: (δ·Wᵀ) times the activation's slope.
      const da = ws.deltas[l];
      transpose(w, inputs, units, ws.kernelsT[l]);
      ws.kernel.gemm(dz, units, 1, ws.kernelsT[l], da, rows, inputs, units, false);
      if (net.activation === 'relu') ws.kernel.reluSlope(da, a, rows * inputs);
      else for (let i = 0; i < rows * inputs; i++) da[i] *= activationSlope(a[i], net.activation);
    }
    if (l + 1 < sizes.length - 1 && l2 > 0) {
      for (let i = 0; i < w.length; i++) {
        penalty += w[i] * w[i];
        gw[i] += 2 * l2 * w[i];
      }
    }
  }
  return l2 * penalty;
}

/** The activation's derivative, from its output value. */
function activationSlope(a: number, activation: 'tanh' | 'sigmoid'): number {
  if (activation === 'tanh') return 1 - a * a;
  return a * (1 - a);
}

/** `l2·ΣW²` over the hidden kernels (the loss term {@link backward} returns), for a loss without a backward pass. */
export function l2Penalty(net: DenseNet, l2: number): number {
  if (l2 <= 0) return 0;
  let sum = 0;
  for (let l = 0; l + 2 < net.sizes.length; l++) for (const v of net.kernels[l]) sum += v * v;
  return l2 * sum;
}
