import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../tf-runtime.ts';
import type { DenseNet } from './dense-net.ts';
import type { MlpData } from './mlp-data.ts';
import { saveMlp, type MlpArtifact } from './mlp-model.ts';
import type { MlpSpec } from './mlp-spec.ts';

/**
 * The network a freshly built Layers model starts from (TF.js's seeded
 * Glorot initialisers), as typed arrays: so both trainers begin from the
 * same weights for the same `rng`, and differ only by float32 rounding.
 */
export function initialDenseNet(model: tfjs.LayersModel, spec: MlpSpec, data: MlpData): DenseNet {
  const outputs = data.task === 'classification' ? data.classCount : 1;
  const values = model.getWeights().map((w) => Float64Array.from(w.dataSync()));
  return {
    sizes: [data.width, ...spec.hiddenLayers, outputs],
    activation: spec.activation,
    task: data.task,
    kernels: values.filter((_, i) => i % 2 === 0),
    biases: values.filter((_, i) => i % 2 === 1),
  };
}

/**
 * Stores a typed-array network exactly as a TF.js-trained one: the Layers
 * model it started from gets the weights (float32 values already) and is
 * saved, so model.json, weights.bin, bundles and predictions cannot tell
 * the two trainers apart. The caller disposes the model.
 */
export async function denseArtifact(
  tf: Tf,
  model: tfjs.LayersModel,
  net: DenseNet,
  yCenter: number,
  yScale: number,
): Promise<MlpArtifact> {
  const weights = net.kernels.flatMap((kernel, l) => [
    tf.tensor2d(Float32Array.from(kernel), [net.sizes[l], net.sizes[l + 1]]),
    tf.tensor1d(Float32Array.from(net.biases[l])),
  ]);
  model.setWeights(weights);
  tf.dispose(weights);
  return saveMlp(tf, model, net.task, yCenter, yScale);
}
