import { jsDenseKernel } from './dense-gemm.ts';
import type { DenseKernel, Floats } from './dense-kernel.ts';
import { zerosLike, type DenseParams } from './dense-net.ts';
import type { MlpSpec } from './mlp-spec.ts';

/** TF.js's optimizers' defaults (Adam β1 0.9, β2 0.999; RMSprop decay 0.9; ε = float32 backend epsilon). */
const BETA1 = 0.9;
const BETA2 = 0.999;
const RHO = 0.9;
const EPSILON = 1e-7;

/**
 * Applies one update to `params` from `grads`, with the same rule TF.js's
 * optimizer of that name uses. Weights are kept float32 values, as TF.js
 * stores them: what is saved is what trained, and an update that overflows
 * float32 there overflows here (so divergence is caught the same way).
 */
export type DenseOptimizer = (params: DenseParams, grads: DenseParams) => void;

export function denseOptimizer(
  spec: Pick<MlpSpec, 'optimizer' | 'learningRate'>,
  shape: DenseParams,
  kernel: DenseKernel = jsDenseKernel(),
): DenseOptimizer {
  const lr = spec.learningRate;
  const each = (params: DenseParams, grads: DenseParams, update: (w: Floats, g: Floats, s: number) => void) => {
    params.kernels.forEach((w, l) => update(w, grads.kernels[l], 2 * l));
    params.biases.forEach((b, l) => update(b, grads.biases[l], 2 * l + 1));
  };
  const slots = () => {
    const z = zerosLike(shape, kernel);
    return z.kernels.flatMap((k, l) => [k, z.biases[l]]);
  };
  if (spec.optimizer === 'sgd') {
    return (params, grads) =>
      each(params, grads, (w, g) => {
        for (let i = 0; i < w.length; i++) w[i] = Math.fround(w[i] - lr * g[i]);
      });
  }
  if (spec.optimizer === 'rmsprop') {
    const ms = slots();
    return (params, grads) =>
      each(params, grads, (w, g, s) => {
        const m = ms[s];
        for (let i = 0; i < w.length; i++) {
          m[i] = RHO * m[i] + (1 - RHO) * g[i] * g[i];
          w[i] = Math.fround(w[i] - (lr * g[i]) / Math.sqrt(m[i] + EPSILON));
        }
      });
  }
  const m1 = slots();
  const m2 = slots();
  let accBeta1 = BETA1;
  let accBeta2 = BETA2;
  return (params, grads) => {
    const c1 = 1 - accBeta1;
    const c2 = 1 - accBeta2;
    each(params, grads, (w, g, s) => kernel.adam(w, g, m1[s], m2[s], lr, BETA1, BETA2, c1, c2, EPSILON));
    accBeta1 *= BETA1;
    accBeta2 *= BETA2;
  };
}
