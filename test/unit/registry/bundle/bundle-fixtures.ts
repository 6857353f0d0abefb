/** Trained models of every kind, with the version and run records an export needs, and zip-editing helpers. */
import * as tf from '@tensorflow/tfjs';
import { unzipSync, zipSync } from 'fflate';
import { sha256Hex } from '../../../../src/core/hash/sha256.ts';
import type { ModelVersion } from '../../../../src/core/registry/registry-types.ts';
import { seededRng } from '../../../../src/core/random/rng.ts';
import { encodeArtifact } from '../../../../src/core/train/model-artifact-codec.ts';
import {
  defaultModelSpec,
  defaultPipelineSpec,
  type ModelKind,
  type ModelSpec,
} from '../../../../src/core/train/pipeline-spec.ts';
import type { Preprocessor } from '../../../../src/core/train/preprocess.ts';
import type { RunRecord, RunSummary } from '../../../../src/core/train/run-record.ts';
import { trainModel, type ModelArtifact, type ModelData } from '../../../../src/core/train/train-model.ts';

/** A model, its encoded blob and the records that go with it. */
export interface Trained {
  artifact: ModelArtifact;
  artifactBytes: Uint8Array;
  version: ModelVersion;
  run: RunRecord;
  card: string;
  data: ModelData;
}

const SPECS: Record<ModelKind, ModelSpec> = {
  forest: { ...(defaultModelSpec('forest') as Extract<ModelSpec, { kind: 'forest' }>), trees: 5, maxDepth: 4 },
  logistic: defaultModelSpec('logistic'),
  linear: defaultModelSpec('linear'),
  mlp: {
    ...(defaultModelSpec('mlp') as Extract<ModelSpec, { kind: 'mlp' }>),
    hiddenLayers: [6],
    epochs: 3,
    batchSize: 8,
    earlyStopping: null,
  },
};

/** 48 rows of two standardised features; classes split on their sum, regression target linear in them. */
export function sampleData(task: 'classification' | 'regression'): ModelData {
  const rng = seededRng(11);
  const rows = 48;
  const x = new Float64Array(rows * 2);
  for (let i = 0; i < x.length; i++) x[i] = rng() * 4 - 2;
  const y =
    task === 'classification'
      ? Int32Array.from({ length: rows }, (_, r) => (x[2 * r] + x[2 * r + 1] > 0 ? 1 : 0))
      : Float64Array.from({ length: rows }, (_, r) => 3 * x[2 * r] - x[2 * r + 1] + 10);
  return { task, x, rows, width: 2, y, classCount: task === 'classification' ? 2 : 0 };
}

const preprocessor: Preprocessor = {
  steps: [
    { kind: 'numeric', name: 'a', fill: 0.5, center: 0.25, scale: 1.5 },
    { kind: 'numeric', name: 'b', fill: -1, center: 0, scale: 2 },
  ],
  outputNames: ['a', 'b'],
};

/** Trains a small model of `kind` (forest and MLP as classifiers unless `task` says otherwise) and builds its records. */
export async function trained(
  kind: ModelKind,
  task: 'classification' | 'regression' = kind === 'linear' ? 'regression' : 'classification',
  modelName = 'churn',
): Promise<Trained> {
  const data = sampleData(task);
  const artifact = await trainModel(SPECS[kind], data, { rng: seededRng(3), tf: { tf, backend: 'cpu' } });
  const artifactBytes = encodeArtifact(artifact);
  const spec = { ...defaultPipelineSpec('ds-1', 'label', kind), task, model: SPECS[kind] };
  const run: RunRecord = {
    id: `run-${kind}`,
    name: `${kind} #1`,
    status: 'completed',
    reason: null,
    spec,
    datasetVersionId: 'ds-1',
    datasetName: 'customers',
    seed: 42,
    environment: {
      backend: kind === 'mlp' ? 'cpu' : null,
      backendReason: null,
      tfjsVersion: '4.22.0',
      workbenchVersion: '0.1.0',
      platform: 'node',
    },
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    durationMs: 1000,
    curve: [],
    outcome: {
      task,
      labels: task === 'classification' ? ['no', 'yes'] : [],
      features: ['a', 'b'],
      split: { train: 48, test: 12 },
      trainMs: 10,
      metrics: {} as RunSummary['metrics'],
      importance: [],
      crossValidation: null,
      warnings: [],
      preprocessor,
      modelBlob: await sha256Hex(artifactBytes),
      modelBytes: artifactBytes.length,
      predictionSample: [],
    },
    rerunOf: null,
  };
  const version: ModelVersion = {
    id: `${modelName}@3`,
    modelName,
    version: 3,
    runId: run.id,
    datasetVersionId: 'ds-1',
    featureSetId: null,
    createdAt: '2026-01-02T00:00:00.000Z',
    createdBy: 'ada',
    stage: 'Staging',
    aliases: ['candidate'],
    description: 'Churn model ✓',
    tags: { team: 'growth' },
    modelKind: kind,
    metrics: task === 'classification' ? { accuracy: 0.9, rocAuc: null } : { r2: 0.8, rmse: 1.25 },
    testRows: 12,
    signature: {
      inputs: [
        { name: 'a', type: 'number', role: 'feature' },
        { name: 'b', type: 'number', role: 'feature' },
      ],
      target: {
        name: 'label',
        type: task === 'classification' ? 'category' : 'number',
        labels: task === 'classification' ? ['no', 'yes'] : [],
      },
      task,
    },
    artifactBlob: await sha256Hex(artifactBytes),
    artifactBytes: artifactBytes.length,
    card: { intendedUse: 'Ranking accounts for outreach.', limitations: 'Trained on 2025 data only.' },
  };
  const card = `# ${modelName} v3\n\nIntended use: ${version.card.intendedUse}\n`;
  return { artifact, artifactBytes, version, run, card, data };
}

/** Unzips with fflate (no checks), keeping entry order. */
export function entries(zip: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(zip)));
}

/** Unzips, lets `edit` change the entries, and zips again. */
export function rezip(zip: Uint8Array, edit: (files: Map<string, Uint8Array>) => void): Uint8Array {
  const files = entries(zip);
  edit(files);
  return zipSync(Object.fromEntries(files));
}

/** A copy of `bytes` with one byte changed, at `at` (default the middle). */
export function flipByte(bytes: Uint8Array, at = bytes.length >> 1): Uint8Array {
  const out = bytes.slice();
  out[at] ^= 0x01;
  return out;
}
