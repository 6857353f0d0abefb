import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { WorkbenchError } from '../../../../src/core/errors.ts';
import {
  inferenceServiceYaml,
  kserveZip,
  serviceName,
  suggestedResources,
  type KserveSettings,
} from '../../../../src/core/export/kserve/index.ts';

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  pattern?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  $ref?: string;
};
const schemaFile = JSON.parse(readFileSync('test/fixtures/kserve/inferenceservice-v1beta1-fragment.json', 'utf8'));

/** The JSON-schema keywords the fragment uses, checked at every level; returns the problems found. */
function validate(value: unknown, schema: Schema, path = '$'): string[] {
  if (schema.$ref) return validate(value, schemaFile.definitions[schema.$ref.split('/').pop()!], path);
  const problems: string[] = [];
  const kind = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length > 0 && !types.includes(kind)) return [`${path}: ${kind} is not ${types.join('|')}`];
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${path}: ${String(value)} not in ${schema.enum}`);
  if (typeof value === 'string') {
    if (schema.pattern && !new RegExp(schema.pattern).test(value)) problems.push(`${path}: "${value}" fails pattern`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) problems.push(`${path}: too long`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${path}: below ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) problems.push(`${path}: above ${schema.maximum}`);
  }
  if (kind === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in object)) problems.push(`${path}: missing ${key}`);
    for (const [key, child] of Object.entries(object)) {
      const sub = schema.properties?.[key];
      if (sub) problems.push(...validate(child, sub, `${path}.${key}`));
      else if (schema.additionalProperties === false) problems.push(`${path}: unknown field ${key}`);
      else if (typeof schema.additionalProperties === 'object')
        problems.push(...validate(child, schema.additionalProperties, `${path}.${key}`));
    }
  }
  return problems;
}

const settings: KserveSettings = {
  name: serviceName('Churn model', 3),
  namespace: 'models',
  storageUri: 's3://bucket/models/churn-model-v3',
  canaryTrafficPercent: 5,
  minReplicas: 1,
  resources: suggestedResources(3 * 1024 * 1024),
  labels: { 'app.kubernetes.io/name': 'churn-model-v3' },
};
const version = {
  id: 'Churn model@3',
  signature: {
    inputs: [
      { name: 'tenure', type: 'integer' as const, role: 'feature' as const },
      { name: 'plan', type: 'category' as const, role: 'feature' as const },
    ],
    target: { name: 'churned', type: 'category' as const, labels: ['no', 'yes'] },
    task: 'classification' as const,
  },
};

describe('KServe InferenceService', () => {
  it('names the service as a DNS-1123 label', () => {
    expect(serviceName('Churn model', 3)).toBe('churn-model-v3');
    expect(serviceName('42 Äpfel!', 1)).toBe('pfel-v1');
    expect(serviceName('x'.repeat(100), 12)).toHaveLength(63);
  });

  it('writes a v1beta1 manifest with the ONNX format, storage URI, canary and resources, valid against the CRD fragment', () => {
    const manifest = parse(inferenceServiceYaml(settings));
    expect(validate(manifest, schemaFile)).toEqual([]);
    expect(manifest.spec.predictor).toEqual({
      canaryTrafficPercent: 5,
      minReplicas: 1,
      model: {
        modelFormat: { name: 'onnx', version: '1' },
        protocolVersion: 'v2',
        storageUri: 's3://bucket/models/churn-model-v3',
        resources: { requests: { cpu: '500m', memory: '268Mi' }, limits: { cpu: '1', memory: '536Mi' } },
      },
    });
    expect(manifest.metadata).toMatchObject({ name: 'churn-model-v3', namespace: 'models' });
  });

  it('leaves canaryTrafficPercent out when the version takes all traffic, still valid', () => {
    const manifest = parse(inferenceServiceYaml({ ...settings, canaryTrafficPercent: null, namespace: null }));
    expect(manifest.spec.predictor.canaryTrafficPercent).toBeUndefined();
    expect(manifest.metadata.namespace).toBeUndefined();
    expect(validate(manifest, schemaFile)).toEqual([]);
  });

  it('the validator catches what the CRD would refuse', () => {
    const manifest = parse(inferenceServiceYaml(settings));
    manifest.spec.predictor.canaryTrafficPercent = 150;
    manifest.spec.predictor.model.resources.requests.memory = 'lots';
    manifest.spec.predictor.model.storageURI = 'x';
    expect(validate(manifest, schemaFile)).toEqual([
      '$.spec.predictor.canaryTrafficPercent: above 100',
      '$.spec.predictor.model.resources.requests.memory: "lots" fails pattern',
      '$.spec.predictor.model: unknown field storageURI',
    ]);
  });

  it('refuses a storage URI KServe cannot read and a canary share outside 0–100', () => {
    const refuse = (s: KserveSettings) => {
      try {
        inferenceServiceYaml(s);
      } catch (error) {
        return error as WorkbenchError;
      }
      throw new Error('not refused');
    };
    expect(refuse({ ...settings, storageUri: '/tmp/model' }).code).toBe('kserve.bad_settings');
    expect(refuse({ ...settings, canaryTrafficPercent: 12.5 }).message).toContain('whole number from 0 to 100');
  });

  it('bundles model.onnx, the manifest and a README saying how to apply it', () => {
    const onnx = Uint8Array.from([8, 10, 18, 0]);
    const zip = kserveZip(version, onnx, settings);
    expect(kserveZip(version, onnx, settings)).toEqual(zip);
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual([
      'churn-model-v3-kserve/model.onnx',
      'churn-model-v3-kserve/inference-service.yaml',
      'churn-model-v3-kserve/README.md',
    ]);
    expect(files['churn-model-v3-kserve/model.onnx']).toEqual(onnx);
    const readme = new TextDecoder().decode(files['churn-model-v3-kserve/README.md']);
    expect(readme).toContain('kubectl apply -n models -f inference-service.yaml');
    expect(readme).toContain('s3://bucket/models/churn-model-v3');
    expect(readme).toContain('`plan`: BYTES');
    expect(readme).toContain('`probabilities`: FP64, shape [N, 2]');
  });
});
