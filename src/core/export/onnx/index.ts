export { exportOnnx, ONNX_ML_OPSET, ONNX_OPSET, type OnnxExportInput } from './export-onnx.ts';
export { onnxExportInput, pipelineSpecHash } from './onnx-source.ts';
export { ONNX_KINDS } from './model-head.ts';
export { OUTPUT_NAMES } from './check-export.ts';
