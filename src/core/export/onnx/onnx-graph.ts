import onnxProto from 'onnx-proto';

/** The generated protobuf classes (onnx-proto ships them as a CommonJS module with one `onnx` namespace). */
export const { onnx } = onnxProto;
export type OnnxNode = onnxProto.onnx.INodeProto;
export type OnnxTensor = onnxProto.onnx.ITensorProto;
export type OnnxAttribute = onnxProto.onnx.IAttributeProto;
export type OnnxValueInfo = onnxProto.onnx.IValueInfoProto;

const DataType = onnx.TensorProto.DataType;
const AttributeType = onnx.AttributeProto.AttributeType;
const utf8 = new TextEncoder();

/** The ONNX element types the exporter uses. */
export const ELEM = { float: DataType.FLOAT, double: DataType.DOUBLE, string: DataType.STRING, int64: DataType.INT64 };
export type ElemName = keyof typeof ELEM;

/** An attribute value: numbers, number lists, text, text lists, or a tensor. */
export type AttrValue =
  | { int: number }
  | { float: number }
  | { ints: number[] }
  | { floats: number[] }
  | { string: string }
  | { strings: string[] }
  | { tensor: OnnxTensor };

function attribute(name: string, value: AttrValue): OnnxAttribute {
  if ('int' in value) return { name, type: AttributeType.INT, i: value.int };
  if ('float' in value) return { name, type: AttributeType.FLOAT, f: value.float };
  if ('ints' in value) return { name, type: AttributeType.INTS, ints: value.ints };
  if ('floats' in value) return { name, type: AttributeType.FLOATS, floats: value.floats };
  if ('string' in value) return { name, type: AttributeType.STRING, s: utf8.encode(value.string) };
  if ('strings' in value)
    return { name, type: AttributeType.STRINGS, strings: value.strings.map((s) => utf8.encode(s)) };
  return { name, type: AttributeType.TENSOR, t: value.tensor };
}

/** A double tensor of `dims` (a vector by default). */
export function doubleTensor(values: ArrayLike<number>, dims: number[] = [values.length]): OnnxTensor {
  return { dataType: DataType.DOUBLE, dims, doubleData: Array.from(values) };
}

/** A float32 tensor of `dims`. */
export function floatTensor(values: ArrayLike<number>, dims: number[] = [values.length]): OnnxTensor {
  return { dataType: DataType.FLOAT, dims, floatData: Array.from(values) };
}

/** A uint8 tensor (ONNX keeps 8-bit values in int32_data). */
export function uint8Tensor(values: ArrayLike<number>): OnnxTensor {
  return { dataType: DataType.UINT8, dims: [values.length], int32Data: Array.from(values) };
}

/** An int64 vector. */
export function int64Tensor(values: number[]): OnnxTensor {
  return { dataType: DataType.INT64, dims: [values.length], int64Data: values };
}

/** A string vector. */
export function stringTensor(values: string[]): OnnxTensor {
  return { dataType: DataType.STRING, dims: [values.length], stringData: values.map((s) => utf8.encode(s)) };
}

/** A graph input or output of `elem` type whose first dimension is the batch (`N`). */
export function valueInfo(name: string, elem: ElemName, columns: number | null): OnnxValueInfo {
  const dim = [{ dimParam: 'N' }, ...(columns === null ? [] : [{ dimValue: columns }])];
  return { name, type: { tensorType: { elemType: ELEM[elem], shape: { dim } } } };
}

/**
 * Collects nodes and constant tensors with unique value names, so each
 * part of the export (preprocessing, model, outputs) adds its steps without
 * knowing the others' names.
 *
 * @example
 * const g = new GraphBuilder();
 * const y = g.op('Sub', [x, g.constant('center', doubleTensor([2]))]);
 */
export class GraphBuilder {
  readonly nodes: OnnxNode[] = [];
  readonly initializers: OnnxTensor[] = [];
  private readonly used = new Set<string>();

  /** A value name not used yet, built from `hint`. */
  name(hint: string): string {
    const base = hint.replace(/[^A-Za-z0-9_]/g, '_') || 'v';
    let name = base;
    for (let i = 1; this.used.has(name); i++) name = `${base}_${i}`;
    this.used.add(name);
    return name;
  }

  /** Reserves a name exactly as given (graph inputs and outputs). */
  reserve(name: string): string {
    this.used.add(name);
    return name;
  }

  /** A constant tensor, named after `hint`; returns its value name. */
  constant(hint: string, tensor: OnnxTensor): string {
    const name = this.name(hint);
    this.initializers.push({ ...tensor, name });
    return name;
  }

  /**
   * Adds one node and returns its first output's name; `outputs` names
   * them when the graph's outputs must have fixed names.
   */
  op(
    opType: string,
    inputs: string[],
    attributes: Record<string, AttrValue> = {},
    options: { domain?: string; outputs?: string[] } = {},
  ): string {
    const outputs = options.outputs ?? [this.name(opType.toLowerCase())];
    this.nodes.push({
      opType,
      domain: options.domain ?? '',
      input: inputs,
      output: outputs,
      name: this.name(`${opType}_node`),
      attribute: Object.entries(attributes).map(([key, value]) => attribute(key, value)),
    });
    return outputs[0];
  }
}
