import type { Tf } from '../tf-runtime.ts';
import type { DenseNet } from './dense-net.ts';
import type { MlpData } from './train-mlp.ts';
import { buildMlp, saveMlp, type MlpArtifact } from './mlp-model.ts';
import type { MlpSpec } from './mlp-spec.ts';

/**
 * Stores a typed-array network exactly as a TF.js-trained one: the same
 * Layers model is built, given the weights (rounded to float32) and saved,
 * so model.json, weights.bin, bundles and predictions cannot tell the two
 * trainers apart. Every tensor is disposed.
 */
export async function denseArtifact(
  tf: Tf,
  spec: MlpSpec,
  net: DenseNet,
  yCenter: number,
  yScale: number,
): Promise<MlpArtifact> {
  const outputs = net.sizes[net.sizes.length - 1];
  // The initialisers' draws are overwritten below; their seed does not matter.
  const model = buildMlp(tf, spec, net.sizes[0], outputs, net.task, () => 0);
  try {
    const weights = net.kernels.flatMap((kernel, l) => [
      tf.tensor2d(Float32Array.from(kernel), [net.sizes[l], net.sizes[l + 1]]),
      tf.tensor1d(Float32Array.from(net.biases[l])),
    ]);
    model.setWeights(weights);
    tf.dispose(weights);
    return await saveMlp(tf, model, net.task, yCenter, yScale);
  } finally {
    model.optimizer?.dispose();
    model.dispose();
  }
}

/**
 * The network TF.js's Layers model starts from with these seeds (its seeded
 * Glorot initialisers), as typed arrays: so both trainers begin from the
 * same weights for the same `rng`, and differ only by float32 rounding.
 */
export function initialDenseNet(tf: Tf, spec: MlpSpec, data: MlpData, seedFor: () => number): DenseNet {
  const outputs = data.task === 'classification' ? data.classCount : 1;
  const model = buildMlp(tf, spec, data.width, data.classCount, data.task, seedFor);
  try {
    const values = model.getWeights().map((w) => Float64Array.from(w.dataSync()));
    return {
      sizes: [data.width, ...spec.hiddenLayers, outputs],
      activation: spec.activation,
      task: data.task,
      kernels: values.filter((_, i) => i % 2 === 0),
      biases: values.filter((_, i) => i % 2 === 1),
    };
  } finally {
    model.optimizer?.dispose();
    model.dispose();
  }
}
