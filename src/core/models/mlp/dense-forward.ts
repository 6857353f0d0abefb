/** One Dense layer of a workbench MLP, as plain arrays. */
export interface DenseLayer {
  inputs: number;
  units: number;
  activation: DenseActivation;
  /** `inputs × units`, row-major, as TF.js stores a Dense kernel. */
  kernel: Float32Array;
  bias: Float32Array | null;
}

/** The activations a workbench MLP uses: hidden layers per the spec, softmax or linear at the head. */
export const DENSE_ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear', 'softmax'] as const;
export type DenseActivation = (typeof DENSE_ACTIVATIONS)[number];

/**
 * Runs rows through Dense layers without TF.js (so an import can check a
 * model on the main thread). Each layer's outputs are stored as float32, as
 * TF.js's are, so a value that overflows float32 there overflows here too.
 * Returns rows × last layer's units, row-major.
 *
 * @example
 * forwardDense(layers, Float64Array.from([0.1, -1]), 1); // e.g. [0.3, 0.7]
 */
export function forwardDense(layers: DenseLayer[], x: Float64Array, rows: number): Float32Array {
  let input: ArrayLike<number> = x;
  for (const layer of layers) {
    const { inputs, units, kernel, bias } = layer;
    const out = new Float32Array(rows * units);
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < units; j++) {
        let z = bias ? bias[j] : 0;
        for (let i = 0; i < inputs; i++) z += input[r * inputs + i] * kernel[i * units + j];
        out[r * units + j] = z;
      }
      activate(out, r * units, units, layer.activation);
    }
    input = out;
  }
  return input as Float32Array;
}

function activate(v: Float32Array, from: number, n: number, activation: DenseActivation): void {
  switch (activation) {
    case 'relu':
      for (let i = from; i < from + n; i++) v[i] = Math.max(0, v[i]);
      return;
    case 'tanh':
      for (let i = from; i < from + n; i++) v[i] = Math.tanh(v[i]);
      return;
    case 'sigmoid':
      for (let i = from; i < from + n; i++) v[i] = 1 / (1 + Math.exp(-v[i]));
      return;
    case 'linear':
      return;
    case 'softmax': {
      let max = -Infinity;
      for (let i = from; i < from + n; i++) max = Math.max(max, v[i]);
      let sum = 0;
      for (let i = from; i < from + n; i++) sum += Math.exp(v[i] - max);
      for (let i = from; i < from + n; i++) v[i] = Math.exp(v[i] - max) / sum;
    }
  }
}
