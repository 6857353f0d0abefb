import type { DataShape, SizeEstimate } from '../model-entry.ts';
import type { MlpSpec } from './mlp-spec.ts';

const FLOAT32 = 4;
/**
 * Bytes per weight while training, the larger of the two trainers: TF.js
 * keeps 5 float32 copies (the weights, their gradients, two optimizer slots
 * — Adam's moments; fewer for SGD, but the bound holds — and the best
 * epoch's weights kept for early stopping); the typed-array trainer keeps
 * those and the transposed kernel, 6 copies, in float64.
 */
const WEIGHT_BYTES = 6 * 8;
/** Activations, their gradients and a temporary per unit of a batch (float64 in the typed-array trainer). */
const ACTIVATION_BYTES = 3 * 8;
/** The training rows as float32: a conversion copy, the tensor, and each epoch's shuffled gather. */
const DATA_COPIES = 3;
/** Validation is evaluated in batches of this many rows. */
const EVAL_BATCH = 1024;

/**
 * The MLP's trainable parameters and peak training memory for a data shape:
 * Σ (inputs + 1) × units over the dense layers, weights kept in
 * {@link WEIGHT_BYTES} a weight, activations of the larger of a training and
 * an evaluation batch, and the float32 copies of the rows.
 *
 * @example
 * mlpSize({ ...spec, hiddenLayers: [64, 64] }, { task: 'classification', rows: 1000, width: 10, classCount: 3 }).parameters; // 5059
 */
export function mlpSize(spec: MlpSpec, shape: DataShape): SizeEstimate {
  const outputs = shape.task === 'classification' ? Math.max(shape.classCount, 1) : 1;
  let parameters = 0;
  let inputs = shape.width;
  for (const units of [...spec.hiddenLayers, outputs]) {
    parameters += (inputs + 1) * units;
    inputs = units;
  }
  const units = spec.hiddenLayers.reduce((sum, u) => sum + u, 0) + outputs;
  const batch = Math.max(Math.min(spec.batchSize, shape.rows), Math.min(EVAL_BATCH, shape.rows));
  const bytes =
    parameters * WEIGHT_BYTES +
    batch * units * ACTIVATION_BYTES +
    shape.rows * (shape.width + outputs) * FLOAT32 * DATA_COPIES;
  return { parameters, bytes };
}
