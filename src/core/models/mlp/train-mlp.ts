import { WorkbenchError } from '../../errors.ts';
import type { Rng } from '../../random/rng.ts';
import { shuffleInPlace } from '../../random/shuffle.ts';
import type { Tf } from '../tf-runtime.ts';
import { jsDenseKernel } from './dense-gemm.ts';
import type { DenseKernelFactory } from './dense-kernel.ts';
import { denseArtifact, initialDenseNet } from './dense-tf-bridge.ts';
import { trainDense } from './dense-trainer.ts';
import { wasmDenseKernelFactory } from './dense-wasm.ts';
import { buildMlp, type MlpArtifact } from './mlp-model.ts';
import type { EpochReport, MlpData } from './mlp-data.ts';
import type { MlpSpec } from './mlp-spec.ts';
import { trainWithTf } from './train-mlp-tf.ts';

export type { EpochReport, MlpData } from './mlp-data.ts';

/**
 * Which code trains: `auto` picks by backend and network size ({@link useTypedTrainer});
 * `typed` is the typed-array trainer on its WebAssembly SIMD kernel (its JS
 * kernel where WebAssembly SIMD is missing), `typed-js` on its JS kernel.
 */
export type MlpTrainer = 'auto' | 'typed' | 'typed-js' | 'tfjs';

/** The typed-array trainer's kernel for `trainer`: WebAssembly SIMD when this runtime has it. */
function kernelFactory(trainer: MlpTrainer): DenseKernelFactory {
  return (trainer !== 'typed-js' && wasmDenseKernelFactory()) || (() => jsDenseKernel());
}

/**
 * Trains an MLP deterministically: initial weights and each epoch's
 * shuffle come from `rng` (TF.js's own `fit` shuffle uses Math.random, so it
 * is switched off). Small networks on a CPU backend train on typed arrays
 * (dense-trainer.ts), the rest with TF.js on the backend the caller chose;
 * both store the same TF.js model. With early stopping, a seeded slice of
 * the training rows is held out for validation and the weights of the best
 * validation epoch are kept. A loss that stops being finite ends training
 * with `train.diverged`. Every tensor is disposed.
 */
export async function trainMlp(
  tf: Tf,
  data: MlpData,
  spec: MlpSpec,
  rng: Rng,
  onEpoch?: (report: EpochReport) => void,
  trainer: MlpTrainer = 'auto',
): Promise<{ artifact: MlpArtifact; history: EpochReport[]; bestEpoch: number }> {
  const order = shuffleInPlace(
    Int32Array.from({ length: data.rows }, (_, i) => i),
    rng,
  );
  const valCount =
    spec.earlyStopping && data.rows >= 10
      ? Math.max(1, Math.round(data.rows * spec.earlyStopping.validationFraction))
      : 0;
  const valRows = order.slice(0, valCount);
  const fitRows = order.slice(valCount);
  if (fitRows.length === 0) {
    throw new WorkbenchError(
      'train.too_few_rows',
      `The MLP has no training rows left after holding out ${valCount} for early stopping. Use a smaller validation fraction or more rows.`,
    );
  }

  let yCenter = 0;
  let yScale = 1;
  if (data.task === 'regression') {
    let sum = 0;
    for (const r of fitRows) sum += data.y[r];
    yCenter = sum / fitRows.length;
    let sq = 0;
    for (const r of fitRows) sq += (data.y[r] - yCenter) ** 2;
    yScale = Math.sqrt(sq / fitRows.length) || 1;
  }

  const checked = (report: EpochReport) => {
    if (!Number.isFinite(report.loss) || (report.valLoss !== null && !Number.isFinite(report.valLoss)))
      throw diverged(spec, report);
    onEpoch?.(report);
  };
  if (
    trainer === 'typed' ||
    trainer === 'typed-js' ||
    (trainer === 'auto' && useTypedTrainer(tf.getBackend(), spec, data))
  ) {
    const target =
      data.task === 'classification' ? (row: number) => data.y[row] : (row: number) => (data.y[row] - yCenter) / yScale;
    // One Layers model gives the initial weights and saves the trained ones (layer names stay as TF.js numbers them).
    const model = buildMlp(tf, spec, data.width, data.classCount, data.task, () => Math.floor(rng() * 2 ** 31));
    try {
      const initial = initialDenseNet(model, spec, data);
      const run = trainDense(initial, data, spec, target, fitRows, valRows, rng, checked, kernelFactory(trainer));
      const artifact = await denseArtifact(tf, model, run.net, yCenter, yScale);
      return { artifact, history: run.history, bestEpoch: run.bestEpoch };
    } finally {
      model.optimizer?.dispose();
      model.dispose();
    }
  }
  return trainWithTf(tf, data, spec, { fitRows, valRows, yCenter, yScale }, rng, checked);
}

/**
 * Multiply-adds per row (Σ inputs × units over the layers) up to which the
 * typed-array trainer is used on a CPU backend, on its JS kernel. Measured
 * with bench/training/mlp-trainers.ts (WASM backend, 4,000 rows × 16
 * features, 26 classes, batch 200; CPU ms per epoch, typed vs TF.js Layers,
 * on the shared 2-core machine at load ~25): [64, 64] 6,784 MACs 164 vs 546;
 * [128, 128] 21,760 MACs 249 vs 402; [256, 256] 76,288 MACs 845 vs 1,348.
 */
export const TYPED_TRAINER_MAX_MACS = 80_000;

/**
 * The same limit on the WebAssembly SIMD kernel, measured the same way (load
 * ~17; CPU ms per epoch, WebAssembly kernel vs JS kernel vs TF.js Layers):
 * [128, 128] 35 vs 218 vs 300; [256, 256] 83 vs 753 vs 810; [512, 512]
 * 283,648 MACs 366 vs 2,724 vs 4,476; [1024, 1024] 1,091,584 MACs 2,187 vs
 * 12,461 vs 17,286. Wider networks were not measured, so TF.js keeps them.
 */
export const TYPED_WASM_TRAINER_MAX_MACS = 1_100_000;

/**
 * The typed-array trainer on the CPU backends (cpu, wasm) for networks up to
 * {@link TYPED_WASM_TRAINER_MAX_MACS} multiply-adds per row on its
 * WebAssembly kernel ({@link TYPED_TRAINER_MAX_MACS} where only its JS
 * kernel runs); TF.js on a GPU backend and for wider networks.
 */
export function useTypedTrainer(backend: string, spec: MlpSpec, data: Pick<MlpData, 'width' | 'task' | 'classCount'>) {
  if (backend !== 'cpu' && backend !== 'wasm') return false;
  const sizes = [data.width, ...spec.hiddenLayers, data.task === 'classification' ? data.classCount : 1];
  let macs = 0;
  for (let l = 0; l + 1 < sizes.length; l++) macs += sizes[l] * sizes[l + 1];
  return macs <= (wasmDenseKernelFactory() ? TYPED_WASM_TRAINER_MAX_MACS : TYPED_TRAINER_MAX_MACS);
}

function diverged(spec: MlpSpec, report: EpochReport): WorkbenchError {
  const loss = Number.isFinite(report.loss) ? report.valLoss : report.loss;
  return new WorkbenchError(
    'train.diverged',
    `The MLP diverged: its ${Number.isFinite(report.loss) ? 'validation ' : ''}loss became ${loss} in epoch ${report.epoch}. ` +
      `Use a smaller learning rate (it is ${spec.learningRate}; try ${spec.learningRate / 10}), standardize the features (preprocessing), or rescale columns with very large values, then train again.`,
  );
}
