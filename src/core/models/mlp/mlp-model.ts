import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../tf-runtime.ts';
import type { MlpSpec } from './mlp-spec.ts';

/** A trained MLP as storable data: TF.js Layers topology and weights, plus target scaling for regression. */
export interface MlpArtifact {
  kind: 'mlp';
  task: 'classification' | 'regression';
  /** `model.json` content (modelTopology) as TF.js writes it. */
  modelTopology: object;
  weightSpecs: tfjs.io.WeightsManifestEntry[];
  /** Concatenated weights, as TF.js's `weightData`. */
  weightData: Uint8Array;
  /** Regression trains on a standardised target; predictions are mapped back. */
  yCenter: number;
  yScale: number;
}

/**
 * Builds the network on the given TF.js: dense hidden layers with L2,
 * seeded Glorot initialisers, a softmax or linear head.
 */
export function buildMlp(
  tf: Tf,
  spec: MlpSpec,
  inputs: number,
  outputs: number,
  task: 'classification' | 'regression',
  seedFor: () => number,
): tfjs.Sequential {
  const model = tf.sequential();
  spec.hiddenLayers.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        units,
        activation: spec.activation,
        inputShape: i === 0 ? [inputs] : undefined,
        kernelInitializer: tf.initializers.glorotUniform({ seed: seedFor() }),
        biasInitializer: 'zeros',
        kernelRegularizer: spec.l2 > 0 ? tf.regularizers.l2({ l2: spec.l2 }) : undefined,
      }),
    );
  });
  model.add(
    tf.layers.dense({
      units: task === 'classification' ? outputs : 1,
      activation: task === 'classification' ? 'softmax' : 'linear',
      kernelInitializer: tf.initializers.glorotUniform({ seed: seedFor() }),
    }),
  );
  model.compile({
    optimizer: makeOptimizer(tf, spec),
    loss: task === 'classification' ? 'categoricalCrossentropy' : 'meanSquaredError',
    metrics: task === 'classification' ? ['accuracy'] : [],
  });
  return model;
}

function makeOptimizer(tf: Tf, spec: MlpSpec): tfjs.Optimizer {
  switch (spec.optimizer) {
    case 'sgd':
      return tf.train.sgd(spec.learningRate);
    case 'rmsprop':
      return tf.train.rmsprop(spec.learningRate);
    default:
      return tf.train.adam(spec.learningRate);
  }
}

/** Captures a model's topology and weights through an in-memory IOHandler (no file system, no network). */
export async function saveMlp(
  tf: Tf,
  model: tfjs.LayersModel,
  task: MlpArtifact['task'],
  yCenter: number,
  yScale: number,
): Promise<MlpArtifact> {
  let saved: tfjs.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } };
    }),
  );
  const artifacts = saved as unknown as tfjs.io.ModelArtifacts;
  const data = artifacts.weightData;
  const buffers = Array.isArray(data) ? data : [data as ArrayBuffer];
  const weightData = new Uint8Array(buffers.reduce((n, b) => n + b.byteLength, 0));
  let at = 0;
  for (const b of buffers) {
    weightData.set(new Uint8Array(b), at);
    at += b.byteLength;
  }
  return {
    kind: 'mlp',
    task,
    modelTopology: artifacts.modelTopology as object,
    weightSpecs: artifacts.weightSpecs ?? [],
    weightData,
    yCenter,
    yScale,
  };
}

/** Rebuilds a model from its artifact (the same path `tf.loadLayersModel` takes for an exported folder). */
export async function loadMlp(tf: Tf, artifact: MlpArtifact): Promise<tfjs.LayersModel> {
  const weightData = artifact.weightData.slice().buffer;
  return tf.loadLayersModel(
    tf.io.fromMemory({ modelTopology: artifact.modelTopology, weightSpecs: artifact.weightSpecs, weightData }),
  );
}

/** Rows per TF.js predict batch: large enough that per-batch overhead vanishes, small enough to stay a few MB. */
const PREDICT_BATCH = 4096;

/** Class probabilities (rows × k) or regression values (rows) for a dense row-major matrix. */
export async function predictMlp(
  tf: Tf,
  model: tfjs.LayersModel,
  artifact: Pick<MlpArtifact, 'task' | 'yCenter' | 'yScale'>,
  x: Float64Array,
  rows: number,
  width: number,
): Promise<Float64Array> {
  const input = tf.tensor2d(Float32Array.from(x), [rows, width]);
  // TF.js predicts in batches of 32 by default: thousands of tiny batches cost more than the arithmetic.
  const output = model.predict(input, { batchSize: PREDICT_BATCH }) as tfjs.Tensor;
  // `await data()` rather than dataSync(): on WebGPU in a worker dataSync kills the device.
  const values = await output.data();
  input.dispose();
  output.dispose();
  const result = Float64Array.from(values);
  if (artifact.task === 'regression') {
    for (let i = 0; i < result.length; i++) result[i] = result[i] * artifact.yScale + artifact.yCenter;
    return result;
  }
  // Softmax in float32 sums to 1 only approximately; renormalise in float64 for the metrics.
  const k = result.length / rows;
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let j = 0; j < k; j++) sum += result[r * k + j];
    for (let j = 0; j < k; j++) result[r * k + j] /= sum;
  }
  return result;
}
