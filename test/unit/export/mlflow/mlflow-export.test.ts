import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileWorkspaceStore } from '../../../../src/adapters/folder-store/file-workspace-store.ts';
import { mlflowExport } from '../../../../src/core/export/mlflow/mlflow-export.ts';
import type { MlflowFile } from '../../../../src/core/export/mlflow/mlflow-files.ts';
import { mlflowRunId } from '../../../../src/core/export/mlflow/mlflow-mapping.ts';
import type { ModelVersion } from '../../../../src/core/registry/registry-types.ts';
import { root, workbenchInProcess, type Run } from '../../cli/run-workbench.ts';

// The MLflow export of a real workspace (two runs on iris, both registered),
// checked against a description of MLflow's file-store layout written from
// its source (fixtures/), and read back by a script that follows MLflow's own
// read path with PyYAML (read_mlruns.py). MLflow itself is not installable here.
const LAYOUT = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/mlflow-file-store-layout.json'), 'utf8'));
const IRIS = join(root, 'public/samples/iris.csv');

interface Read {
  experiments: {
    folder: string;
    meta: Record<string, unknown>;
    runs: {
      folder: string;
      meta: Record<string, unknown>;
      params: Record<string, string>;
      tags: Record<string, string>;
      metrics: Record<string, { timestamp: number; value: number; step: number }[]>;
      artifacts: string[];
    }[];
  }[];
  models: {
    folder: string;
    meta: Record<string, unknown>;
    tags: Record<string, string>;
    aliases: Record<string, number>;
    versions: { folder: string; meta: Record<string, unknown>; tags: Record<string, string> }[];
  }[];
}

let dir: string;
let ws: string;
let exported: Run;
let read: Read;

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

function expectShape(meta: Record<string, unknown>, shape: Record<string, string>) {
  expect(Object.keys(meta).sort()).toEqual(Object.keys(shape).sort());
  for (const [key, type] of Object.entries(shape)) expect([key, typeOf(meta[key])]).toEqual([key, type]);
}

function writeFiles(out: string, files: MlflowFile[]) {
  for (const file of files) {
    const path = join(out, ...file.path.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
}

const readMlruns = (mlruns: string): Read =>
  JSON.parse(execFileSync('python3', [join(import.meta.dirname, 'read_mlruns.py'), mlruns], { encoding: 'utf8' }));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'workbench-mlflow-'));
  ws = join(dir, 'ws');
  for (const model of ['logistic', 'forest'])
    await workbenchInProcess(
      'train',
      IRIS,
      '--target',
      'species',
      '--model',
      model,
      '--workspace',
      ws,
      '--register',
      'iris',
    );
  await workbenchInProcess('promote', 'iris', '1', '--stage', 'Staging', '--workspace', ws);
  exported = await workbenchInProcess('mlflow', 'export', '--out', join(dir, 'out'), '--workspace', ws, '--json');
  read = readMlruns(join(dir, 'out', 'mlruns'));
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('workbench mlflow export', () => {
  it('reports what it wrote', () => {
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ runs: 2, models: 1, versions: 2 });
  });

  it('writes one experiment per dataset with MLflow’s experiment meta.yaml', () => {
    expect(read.experiments.map((e) => e.folder)).toEqual(['1']);
    const [experiment] = read.experiments;
    expectShape(experiment.meta, LAYOUT.experimentMeta);
    expect(experiment.meta).toMatchObject({ experiment_id: '1', name: 'workbench: iris', lifecycle_stage: 'active' });
    expect(experiment.meta.artifact_location).toBe(pathToFileURL(join(dir, 'out', 'mlruns', '1')).href);
  });

  it('writes each run with its meta.yaml, params, metric histories, tags and artifacts', () => {
    const runs = read.experiments[0].runs;
    expect(runs).toHaveLength(2);
    for (const run of runs) {
      expectShape(run.meta, LAYOUT.runMeta);
      expect(run.meta.run_id).toBe(run.folder);
      expect(run.meta.run_uuid).toBe(run.folder);
      expect(run.folder).toMatch(new RegExp(LAYOUT.runIdPattern));
      expect(run.meta.status).toBe(LAYOUT.runStatus.FINISHED);
      expect(run.meta.source_type).toBe(LAYOUT.sourceTypeLocal);
      expect(run.meta.artifact_uri).toBe(`${read.experiments[0].meta.artifact_location}/${run.folder}/artifacts`);
      expect(run.tags['mlflow.runName']).toBe(run.meta.run_name);
      expect(run.tags['mlflow.source.type']).toBe('LOCAL');
      expect(run.params).toMatchObject({ target: 'species', 'split.kind': 'random', seed: '42' });
      expect(run.params['model.kind']).toBe(run.tags['workbench.model_kind']);
      expect(run.folder).toBe(mlflowRunId(run.tags['workbench.run_id']));
      const accuracy = run.metrics.accuracy;
      expect(accuracy).toHaveLength(1);
      expect(accuracy[0].step).toBe(0);
      expect(accuracy[0].value).toBeGreaterThan(0.9);
      expect(accuracy[0].timestamp).toBe(run.meta.end_time);
      expect(run.metrics.test_rows[0].value).toBe(30);
    }
    const logistic = runs.find((r) => r.params['model.kind'] === 'logistic')!;
    expect(logistic.metrics.accuracy[0].value).toBeCloseTo(0.9666666666666667, 12);
    expect(logistic.artifacts).toEqual([
      'iris-v1/model-card.md',
      'iris-v1/model.onnx',
      'iris-v1/workbench-bundle.zip',
      'pipeline-spec.json',
    ]);
  });

  it('puts in each run the same ONNX model `workbench export --format onnx` writes', async () => {
    const run = read.experiments[0].runs.find((r) => r.params['model.kind'] === 'logistic')!;
    const inRun = readFileSync(join(dir, 'out', 'mlruns', '1', run.folder, 'artifacts', 'iris-v1/model.onnx'));
    const out = join(dir, 'iris-v1.onnx');
    const exportedOnnx = await workbenchInProcess(
      'export',
      'iris',
      '1',
      '--format',
      'onnx',
      '--out',
      out,
      '--workspace',
      ws,
    );
    expect(exportedOnnx.code).toBe(0);
    expect(inRun.equals(readFileSync(out))).toBe(true);
    expect(inRun.length).toBeGreaterThan(100);
  });

  it('writes every metric file as MLflow’s "timestamp value step" lines', () => {
    const out = join(dir, 'out', 'mlruns', '1');
    for (const run of read.experiments[0].runs)
      for (const name of Object.keys(run.metrics))
        for (const line of readFileSync(join(out, run.folder, 'metrics', name), 'utf8')
          .trimEnd()
          .split('\n'))
          expect(line).toMatch(new RegExp(LAYOUT.metricLinePattern));
  });

  it('writes the registry: model and version meta.yaml, stages mapped, sources in the runs’ artifacts', () => {
    expect(read.models.map((m) => m.folder)).toEqual(['iris']);
    const [model] = read.models;
    expectShape(model.meta, LAYOUT.registeredModelMeta);
    expect(model.versions.map((v) => v.folder)).toEqual(['version-1', 'version-2']);
    for (const version of model.versions) expectShape(version.meta, LAYOUT.modelVersionMeta);
    const [v1, v2] = model.versions;
    expect(v1.meta).toMatchObject({ current_stage: 'Staging', version: 1, name: 'iris', status: 'READY' });
    expect(v2.meta).toMatchObject({ current_stage: 'None', version: 2 });
    expect(v2.tags['workbench.stage']).toBe('Development');
    const logistic = read.experiments[0].runs.find((r) => r.params['model.kind'] === 'logistic')!;
    expect(v1.meta.run_id).toBe(logistic.folder);
    expect(v1.meta.source).toBe(`${logistic.meta.artifact_uri}/iris-v1`);
    expect(LAYOUT.stages).toContain(v1.meta.current_stage);
  });
});

describe('mlflowExport (the pure layout)', () => {
  it('maps aliases to alias files holding the version, renaming those MLflow reserves', async () => {
    const store = await FileWorkspaceStore.open(ws, { create: false });
    const [runs, models, versions] = await Promise.all([
      store.listRuns(),
      store.listRecords('models'),
      store.listRecords('modelVersions'),
    ]);
    const aliased = versions.map((v): ModelVersion =>
      v.version === 1
        ? { ...v, stage: 'Production', aliases: ['champion', 'latest'] }
        : { ...v, stage: 'Archived', aliases: ['old model'] },
    );
    const out = join(dir, 'pure');
    writeFiles(
      out,
      mlflowExport({
        runs,
        models,
        versions: aliased,
        artifacts: () => ({ modelCard: '# card\n', bundle: null, onnx: new Uint8Array([8, 7]) }),
        rootUri: pathToFileURL(join(out, 'mlruns')).href,
      }),
    );
    const [model] = readMlruns(join(out, 'mlruns')).models;
    expect(model.aliases).toEqual({ champion: 1, 'wb-latest': 1, old_model: 2 });
    expect(model.versions.map((v) => v.meta.current_stage)).toEqual(['Production', 'Archived']);
    expect(model.versions[0].tags['workbench.aliases']).toBe('champion,latest');
    const run = readMlruns(join(out, 'mlruns')).experiments[0].runs.find((r) => r.params['model.kind'] === 'logistic')!;
    expect(run.artifacts).toEqual(['iris-v1/model-card.md', 'iris-v1/model.onnx', 'pipeline-spec.json']);
  });

  it('refuses an empty workspace with a message that says what to do', () => {
    expect(() =>
      mlflowExport({ runs: [], models: [], versions: [], artifacts: () => null!, rootUri: 'file:///x' }),
    ).toThrow(
      expect.objectContaining({ code: 'mlflow.no_runs', message: expect.stringContaining('Train a model first') }),
    );
  });

  it('writes meta.yaml that the yaml package and PyYAML read alike', () => {
    const text = readFileSync(join(dir, 'out', 'mlruns', '1', 'meta.yaml'), 'utf8');
    expect(parse(text)).toEqual(read.experiments[0].meta);
  });
});
