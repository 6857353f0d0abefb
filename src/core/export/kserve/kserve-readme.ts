import type { ModelVersion } from '../../registry/registry-types.ts';
import type { KserveSettings } from './inference-service.ts';

/** How to apply the bundle, and what the model takes and returns, for whoever runs the cluster. */
export function kserveReadme(version: Pick<ModelVersion, 'id' | 'signature'>, settings: KserveSettings): string {
  const { task, target } = version.signature;
  const ns = settings.namespace ? ` -n ${settings.namespace}` : '';
  const inputs = version.signature.inputs
    .map(
      (i) =>
        `- \`${i.name}\`: ${i.type === 'category' ? 'BYTES (string; empty = missing)' : 'FP64 (NaN = missing)'}, shape [N, 1]`,
    )
    .join('\n');
  const outputs =
    task === 'classification'
      ? `- \`label\`: BYTES, shape [N], one of ${target.labels.map((l) => `\`${l}\``).join(', ')}\n- \`probabilities\`: FP64, shape [N, ${target.labels.length}], columns in that order`
      : `- \`variable\`: FP64, shape [N, 1], the predicted \`${target.name}\``;
  const canary =
    settings.canaryTrafficPercent === null
      ? 'The manifest sends all traffic to this version.'
      : `The manifest sets \`canaryTrafficPercent: ${settings.canaryTrafficPercent}\`, the first step of the workbench's canary rollout of this version: KServe keeps the previous revision for the rest of the traffic. Raise the percentage step by step, then remove the field to promote.`;
  return `# ${version.id} on KServe

Exported by the MLOps Workbench: \`model.onnx\` holds the fitted preprocessing
and the model (ONNX opset 21, ai.onnx.ml 5; ONNX Runtime 1.18 or later), and
\`inference-service.yaml\` is a KServe \`InferenceService\`
(serving.kserve.io/v1beta1) with \`modelFormat: onnx\`.

## Apply it

1. Upload \`model.onnx\` to the storage URI the manifest names:
   \`${settings.storageUri}\` (export again with \`--storage-uri\` to change it).
2. \`kubectl apply${ns} -f inference-service.yaml\`
3. \`kubectl get inferenceservice ${settings.name}${ns}\` until READY is True.
4. Send a request with the open inference protocol (v2) to
   \`/v2/models/${settings.name}/infer\`.

${canary}

Resources (requests and limits) are sized from the model file; adjust them in
the manifest for your traffic.

## Inputs (one per raw column)

${inputs}

## Outputs

${outputs}
`;
}
