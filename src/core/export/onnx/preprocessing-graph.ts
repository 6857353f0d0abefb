import type { CategoricalStep, NumericStep, Preprocessor } from '../../train/preprocess.ts';
import { doubleTensor, ELEM, GraphBuilder, int64Tensor, valueInfo, type OnnxValueInfo } from './onnx-graph.ts';

/** The graph's inputs (one per raw column) and the value holding the preprocessed matrix (double, N × width). */
export interface PreprocessingGraph {
  inputs: OnnxValueInfo[];
  x: string;
}

/**
 * Adds the fitted preprocessing to `g`: one input per raw column — a
 * double for a numeric column (NaN = missing), a string for a categorical
 * one ('' = missing) — then imputation, standardisation and one-hot
 * encoding exactly as `transform` in core/train/preprocess.ts computes
 * them, concatenated in the preprocessor's output order.
 */
export function addPreprocessing(g: GraphBuilder, pre: Preprocessor): PreprocessingGraph {
  const inputs: OnnxValueInfo[] = [];
  const blocks: string[] = [];
  for (const step of pre.steps) {
    const input = g.reserve(step.name);
    inputs.push(valueInfo(input, step.kind === 'numeric' ? 'double' : 'string', 1));
    blocks.push(step.kind === 'numeric' ? numericBlock(g, input, step) : categoricalBlock(g, input, step));
  }
  return { inputs, x: g.op('Concat', blocks, { axis: { int: 1 } }) };
}

/** (value, or the fill where NaN, − center) / scale, in double as the workbench computes it. */
function numericBlock(g: GraphBuilder, input: string, step: NumericStep): string {
  const missing = g.op('IsNaN', [input]);
  let value = g.op('Where', [missing, g.constant(`${step.name}_fill`, doubleTensor([step.fill])), input]);
  if (step.center !== 0) value = g.op('Sub', [value, g.constant(`${step.name}_center`, doubleTensor([step.center]))]);
  if (step.scale !== 1) value = g.op('Div', [value, g.constant(`${step.name}_scale`, doubleTensor([step.scale]))]);
  return value;
}

/**
 * One-hot over the kept categories plus '' (missing), then one more column
 * that is 1 when the value matched none of them (unseen or folded). A
 * constant matrix maps those columns onto the step's outputs: each kept
 * category to its own column, missing to the fill's column (or "other"
 * when the fill is not kept), unseen to "other" — or to nothing when the
 * step has no "other" column, as `transform` leaves that block all zeros.
 */
function categoricalBlock(g: GraphBuilder, input: string, step: CategoricalStep): string {
  const k = step.categories.length;
  const width = k + (step.other ? 1 : 0);
  const hot = g.op(
    'OneHotEncoder',
    [input],
    { cats_strings: { strings: [...step.categories, ''] }, zeros: { int: 1 } },
    {
      domain: 'ai.onnx.ml',
    },
  );
  const flat = g.op('Cast', [g.op('Flatten', [hot], { axis: { int: 1 } })], { to: { int: ELEM.double } });
  const matched = g.op('ReduceSum', [flat, g.constant('axis_1', int64Tensor([1]))], { keepdims: { int: 1 } });
  const unseen = g.op('Sub', [g.constant('one', doubleTensor([1])), matched]);
  const columns = g.op('Concat', [flat, unseen], { axis: { int: 1 } });
  const map = new Float64Array((k + 2) * width);
  for (let c = 0; c < k; c++) map[c * width + c] = 1;
  const fillIndex = step.categories.indexOf(step.fill);
  const otherColumn = step.other ? k : -1;
  const missingTo = fillIndex >= 0 ? fillIndex : otherColumn;
  if (missingTo >= 0) map[k * width + missingTo] = 1;
  if (otherColumn >= 0) map[(k + 1) * width + otherColumn] = 1;
  return g.op('MatMul', [columns, g.constant(`${step.name}_onehot`, doubleTensor(map, [k + 2, width]))]);
}
