import { stringify } from 'yaml';
import { WorkbenchError } from '../../errors.ts';

/** Kubernetes quantities for one container: CPU (e.g. "1", "500m") and memory (e.g. "512Mi"). */
export interface ResourceAmounts {
  cpu: string;
  memory: string;
}

/** What the manifest is made from; everything but the storage URI comes from the workbench's own records. */
export interface KserveSettings {
  /** The InferenceService's name (a DNS-1123 label; see {@link serviceName}). */
  name: string;
  namespace: string | null;
  /** Where model.onnx is uploaded: s3://, gs://, pvc://, https://… — a parameter, never guessed. */
  storageUri: string;
  /** Percentage of traffic to this revision while the previous one keeps the rest; null to take all traffic. */
  canaryTrafficPercent: number | null;
  minReplicas: number;
  resources: { requests: ResourceAmounts; limits: ResourceAmounts };
  /** Labels naming the workbench version it came from. */
  labels: Record<string, string>;
}

const STORAGE_URI = /^(s3|gs|pvc|https?|hdfs|webhdfs|oci|hf):\/\/\S+$/;

/**
 * A lower-case DNS-1123 label (at most 63 characters) from a model name and
 * version, as Kubernetes requires of an InferenceService's name.
 *
 * @example
 * serviceName('Churn model', 3) // 'churn-model-v3'
 */
export function serviceName(modelName: string, version: number): string {
  const base = modelName
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^[^a-z]+/, '');
  const suffix = `-v${version}`;
  return `${(base || 'model').slice(0, 63 - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/**
 * The KServe `InferenceService` (serving.kserve.io/v1beta1) that serves an
 * exported model.onnx with KServe's ONNX model format, as YAML.
 *
 * @throws WorkbenchError `kserve.bad_settings` for a storage URI KServe cannot read, or a canary percentage outside 0–100
 */
export function inferenceServiceYaml(settings: KserveSettings): string {
  if (!STORAGE_URI.test(settings.storageUri)) {
    throw new WorkbenchError(
      'kserve.bad_settings',
      `"${settings.storageUri}" is not a storage URI KServe can read. Give where model.onnx will be uploaded, e.g. s3://bucket/models/churn-v3 or pvc://models/churn-v3.`,
    );
  }
  const canary = settings.canaryTrafficPercent;
  if (canary !== null && !(Number.isInteger(canary) && canary >= 0 && canary <= 100)) {
    throw new WorkbenchError(
      'kserve.bad_settings',
      `The canary traffic percentage ${canary} is not a whole number from 0 to 100. Give one, or none to send all traffic to this version.`,
    );
  }
  const predictor: Record<string, unknown> = {};
  if (canary !== null) predictor.canaryTrafficPercent = canary;
  predictor.minReplicas = settings.minReplicas;
  predictor.model = {
    modelFormat: { name: 'onnx', version: '1' },
    protocolVersion: 'v2',
    storageUri: settings.storageUri,
    resources: settings.resources,
  };
  const metadata: Record<string, unknown> = { name: settings.name };
  if (settings.namespace) metadata.namespace = settings.namespace;
  metadata.labels = settings.labels;
  const manifest = { apiVersion: 'serving.kserve.io/v1beta1', kind: 'InferenceService', metadata, spec: { predictor } };
  return stringify(manifest, { lineWidth: 0 });
}
