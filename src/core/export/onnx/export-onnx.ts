import type { BaseArtifact } from '../../models/model-entry.ts';
import type { ModelVersion } from '../../registry/registry-types.ts';
import type { Preprocessor } from '../../train/preprocess.ts';
import { checkPreprocessor } from './check-export.ts';
import { addModelHead } from './model-head.ts';
import { GraphBuilder, int64Tensor, onnx, stringTensor, valueInfo, type OnnxValueInfo } from './onnx-graph.ts';
import { addPreprocessing } from './preprocessing-graph.ts';

/** Default-domain and ai.onnx.ml opsets the export targets (TreeEnsemble needs ai.onnx.ml 5, which pairs with 21). */
export const ONNX_OPSET = 21;
export const ONNX_ML_OPSET = 5;
/** ONNX IR version 10 (ONNX 1.16), the one that introduced opset 21. */
const IR_VERSION = 10;

/** Everything one export reads: the version, its fitted preprocessing and its decoded artifact. */
export interface OnnxExportInput {
  version: Pick<ModelVersion, 'id' | 'modelName' | 'version' | 'datasetVersionId' | 'modelKind' | 'signature'>;
  preprocessor: Preprocessor;
  /** The model as `decodeArtifact` returns it. */
  artifact: BaseArtifact;
  /** SHA-256 of the canonical JSON of the run's pipeline spec (see {@link pipelineSpecHash}). */
  specHash: string;
  /** The workbench version, recorded as the producer. */
  producerVersion: string;
}

/**
 * A registered version as one ONNX model: one input per raw feature column
 * (double for numeric columns, NaN meaning missing; string for categorical
 * ones, '' meaning missing), the fitted preprocessing and the model, with
 * outputs `label` (string) and `probabilities` (double, one column per
 * class in the version's label order) for a classifier, or `variable`
 * (double, rows × 1) for a regressor. Pure: the same input gives the same
 * bytes, in the browser and in Node.
 *
 * Only structural checks run here (a kind without a builder, preprocessing
 * the graph cannot express, a model that disagrees with its version are
 * refused with `onnx.*` errors); agreement with ONNX Runtime on held-out
 * rows is proved by the test suite (test/unit/export/onnx/).
 *
 * @example
 * const bytes = exportOnnx({ version, preprocessor, artifact, specHash, producerVersion: WORKBENCH_VERSION });
 */
export function exportOnnx(input: OnnxExportInput): Uint8Array {
  const { version, preprocessor, artifact } = input;
  const { task, target } = version.signature;
  const labels = task === 'classification' ? target.labels : [];
  const width = preprocessor?.outputNames?.length ?? 0;
  checkPreprocessor(preprocessor, width);
  const g = new GraphBuilder();
  for (const name of ['label', 'probabilities', 'variable']) g.reserve(name);
  const { inputs, x } = addPreprocessing(g, preprocessor);
  const scores = addModelHead(g, x, artifact, { width, task, labels: labels.length });
  const outputs: OnnxValueInfo[] = [];
  if (task === 'classification') {
    g.op('Identity', [scores], {}, { outputs: ['probabilities'] });
    // ArgMax keeps the first of equal maxima, as the workbench's argmaxRows.
    const best = g.op('ArgMax', ['probabilities'], { axis: { int: 1 }, keepdims: { int: 0 } });
    g.op(
      'Gather',
      [g.constant('class_labels', stringTensor(labels)), best],
      { axis: { int: 0 } },
      { outputs: ['label'] },
    );
    outputs.push(valueInfo('label', 'string', null), valueInfo('probabilities', 'double', labels.length));
  } else {
    g.op('Reshape', [scores, g.constant('column_shape', int64Tensor([-1, 1]))], {}, { outputs: ['variable'] });
    outputs.push(valueInfo('variable', 'double', 1));
  }
  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    opsetImport: [
      { domain: '', version: ONNX_OPSET },
      { domain: 'ai.onnx.ml', version: ONNX_ML_OPSET },
    ],
    producerName: 'mlops-workbench',
    producerVersion: input.producerVersion,
    domain: 'local.mlops-workbench',
    modelVersion: version.version,
    docString: `${version.id}: ${version.modelKind} ${task} model with its fitted preprocessing, exported by the MLOps Workbench.`,
    graph: {
      name: version.modelName.replace(/[^A-Za-z0-9_]/g, '_') || 'model',
      node: g.nodes,
      initializer: g.initializers,
      input: inputs,
      output: outputs,
    },
    metadataProps: metadata(input, labels),
  });
  return onnx.ModelProto.encode(model).finish();
}

function metadata(input: OnnxExportInput, labels: string[]): { key: string; value: string }[] {
  const { version } = input;
  const props: Record<string, string> = {
    model_name: version.modelName,
    model_version: String(version.version),
    model_version_id: version.id,
    model_kind: version.modelKind,
    task: version.signature.task,
    dataset_version_id: version.datasetVersionId,
    pipeline_spec_hash: input.specHash,
    target: version.signature.target.name,
    class_labels: JSON.stringify(labels),
    missing_values: 'numeric inputs: NaN; categorical inputs: the empty string',
  };
  return Object.entries(props).map(([key, value]) => ({ key, value }));
}
