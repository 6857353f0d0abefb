import type { DenseLayer } from '../../models/mlp/dense-forward.ts';
import { doubleTensor, ELEM, floatTensor, GraphBuilder, int64Tensor } from './onnx-graph.ts';

const ACTIVATION_OPS: Record<DenseLayer['activation'], string | null> = {
  relu: 'Relu',
  tanh: 'Tanh',
  sigmoid: 'Sigmoid',
  softmax: 'Softmax',
  linear: null,
};

/**
 * The MLP's Dense layers as float32 `Gemm`s and activations (TF.js computes
 * in float32 too), the result cast back to double; a regressor's output is
 * mapped back to the target's scale (value × yScale + yCenter) in double,
 * as the workbench does; a classifier's probabilities are renormalised
 * in double, as the workbench does.
 */
export function addMlp(
  g: GraphBuilder,
  x: string,
  layers: DenseLayer[],
  target: { regression: boolean; yCenter: number; yScale: number },
): string {
  let value = g.op('Cast', [x], { to: { int: ELEM.float } });
  layers.forEach((layer, i) => {
    const kernel = g.constant(`dense${i}_kernel`, floatTensor(layer.kernel, [layer.inputs, layer.units]));
    const bias = g.constant(`dense${i}_bias`, floatTensor(layer.bias ?? new Float32Array(layer.units)));
    value = g.op('Gemm', [value, kernel, bias]);
    const op = ACTIVATION_OPS[layer.activation];
    if (op) value = g.op(op, [value], op === 'Softmax' ? { axis: { int: 1 } } : {});
  });
  value = g.op('Cast', [value], { to: { int: ELEM.double } });
  if (!target.regression) {
    // The workbench renormalises the float32 softmax in double so each row sums to 1; so does the export.
    const sum = g.op('ReduceSum', [value, g.constant('axis_1', int64Tensor([1]))], { keepdims: { int: 1 } });
    return g.op('Div', [value, sum]);
  }
  const scaled = g.op('Mul', [value, g.constant('y_scale', doubleTensor([target.yScale]))]);
  return g.op('Add', [scaled, g.constant('y_center', doubleTensor([target.yCenter]))]);
}
