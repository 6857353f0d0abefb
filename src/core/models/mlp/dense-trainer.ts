/**
 * Trains an MLP on the CPU with plain typed arrays: per batch one forward
 * pass, one backward pass and one optimizer update, with no tensor
 * bookkeeping at all.
 *
 * Why (measured on this project's 2-core machine, letter-like table, 14,400
 * fit rows × 16 features, 26 classes, batch 200, CPU time, see bench/letter):
 * TF.js `model.fit` on WASM spent ~5.8 ms a step on the default [64, 64]
 * network, whose arithmetic is ~4 M multiply-adds a step: per-op and
 * per-batch overhead, not arithmetic, set the time (27.7 s for 66 epochs,
 * 0.42 s an epoch, load ~3). A first version of this loop (naive
 * `c += a·b` loops) took 30.4 s for 60 epochs at load ~14; with the blocked
 * dot products of dense-gemm.ts, 15.1 s at the same load (0.25 s an epoch).
 * TF.js is still used for wide layers and GPU backends: see
 * `useTypedTrainer` in train-mlp.ts.
 */
import type { Rng } from '../../random/rng.ts';
import { shuffleInPlace } from '../../random/shuffle.ts';
import type { DenseKernelFactory } from './dense-kernel.ts';
import {
  backward,
  createWorkspace,
  denseFloats,
  forward,
  loadRows,
  onKernel,
  outputLoss,
  zerosLike,
  type DenseNet,
  type DenseParams,
} from './dense-net.ts';
import { denseOptimizer } from './dense-optimizer.ts';
import type { MlpSpec } from './mlp-spec.ts';
import type { EpochReport, MlpData } from './mlp-data.ts';

/** Validation rows are scored in chunks of this many rows. */
const EVAL_CHUNK = 1024;

export interface DenseRun {
  /** The trained network (in the kernel's buffers). */
  net: DenseNet;
  history: EpochReport[];
  bestEpoch: number;
}

/**
 * Trains a copy of `net` on `kernelFor`'s kernel on `fitRows`, watching `valRows` for early stopping; the target is
 * class indices, or values already standardized (`target(row)`). Each epoch
 * shuffles `fitRows` with `rng`. Stops, as the TF.js path does, when the
 * loss stops being finite (`onEpoch` may throw to end the run).
 */
export function trainDense(
  initial: DenseNet,
  data: MlpData,
  spec: MlpSpec,
  target: (row: number) => number,
  fitRows: Int32Array,
  valRows: Int32Array,
  rng: Rng,
  onEpoch: (report: EpochReport) => void,
  kernelFor: DenseKernelFactory,
): DenseRun {
  const batch = Math.max(1, Math.min(spec.batchSize, fitRows.length));
  const capacity = Math.max(batch, Math.min(EVAL_CHUNK, valRows.length));
  const kernel = kernelFor(denseFloats(initial.sizes, capacity));
  const net = onKernel(initial, kernel);
  const ws = createWorkspace(net, capacity, kernel);
  const grads = zerosLike(net, kernel);
  const step = denseOptimizer(spec, net, kernel);
  const history: EpochReport[] = [];
  let best: { loss: number; epoch: number; weights: DenseParams | null } = { loss: Infinity, epoch: 0, weights: null };
  for (let epoch = 1; epoch <= spec.epochs; epoch++) {
    shuffleInPlace(fitRows, rng);
    let lossSum = 0;
    let correct = 0;
    for (let from = 0; from < fitRows.length; from += batch) {
      const rows = Math.min(batch, fitRows.length - from);
      loadRows(ws, data.x, data.width, fitRows, from, rows);
      forward(net, ws, rows);
      const out = outputLoss(net, ws, rows, (r) => target(fitRows[from + r]), true);
      const penalty = backward(net, ws, rows, grads, spec.l2);
      step(net, grads);
      // Weighted by batch size, as TF.js's fit averages its batch losses.
      lossSum += (out.loss + penalty) * rows;
      correct += out.correct;
    }
    const report: EpochReport = {
      epoch,
      loss: lossSum / fitRows.length,
      valLoss: null,
      accuracy: data.task === 'classification' ? correct / fitRows.length : null,
      valAccuracy: null,
    };
    if (valRows.length > 0) {
      const val = evaluateRows(net, ws, data, target, valRows);
      // Without the weight penalty, as TF.js's `evaluate` reports it.
      report.valLoss = val.loss;
      if (data.task === 'classification') report.valAccuracy = val.accuracy;
    }
    onEpoch(report);
    history.push(report);
    if (spec.earlyStopping && report.valLoss !== null) {
      if (report.valLoss < best.loss) best = { loss: report.valLoss, epoch, weights: copyParams(net, best.weights) };
      else if (epoch - best.epoch >= spec.earlyStopping.patience) break;
    }
  }
  if (best.weights) {
    net.kernels.forEach((k, l) => k.set(best.weights!.kernels[l]));
    net.biases.forEach((b, l) => b.set(best.weights!.biases[l]));
  }
  return { net, history, bestEpoch: best.weights ? best.epoch : history.length };
}

function evaluateRows(
  net: DenseNet,
  ws: ReturnType<typeof createWorkspace>,
  data: MlpData,
  target: (row: number) => number,
  rows: Int32Array,
): { loss: number; accuracy: number } {
  let loss = 0;
  let correct = 0;
  for (let from = 0; from < rows.length; from += ws.capacity) {
    const count = Math.min(ws.capacity, rows.length - from);
    loadRows(ws, data.x, data.width, rows, from, count);
    forward(net, ws, count);
    const out = outputLoss(net, ws, count, (r) => target(rows[from + r]), false);
    loss += out.loss * count;
    correct += out.correct;
  }
  return { loss: loss / rows.length, accuracy: correct / rows.length };
}

/** The weights, copied into `into` when given (saves reallocating for every better epoch). */
function copyParams(net: DenseParams, into: DenseParams | null): DenseParams {
  const to = into ?? zerosLike(net);
  net.kernels.forEach((k, l) => to.kernels[l].set(k));
  net.biases.forEach((b, l) => to.biases[l].set(b));
  return to;
}
