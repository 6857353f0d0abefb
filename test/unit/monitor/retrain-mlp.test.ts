import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileWorkspaceStore } from '../../../src/adapters/folder-store/file-workspace-store.ts';
import { selectNodeBackend } from '../../../src/adapters/tf-backend/node-backend.ts';
import { monitorRunner } from '../../../src/adapters/workers/monitor-runner.ts';
import { servingVersion } from '../../../src/core/monitor/champion.ts';
import { cachedDriftFunction } from '../../../src/core/monitor/drift/index.ts';
import { root, workbenchInProcess } from '../cli/run-workbench.ts';

// The monitor worker's runner retraining an MLP champion: TF.js is handed in
// the way the train worker hands it (a backend chosen on demand), here the
// Node backend standing in for the browser's.
let dir: string;
let store: FileWorkspaceStore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'workbench-retrain-mlp-'));
  const ws = join(dir, 'ws');
  const iris = join(root, 'public/samples/iris.csv');
  const trained = await workbenchInProcess(
    'train',
    iris,
    '--target',
    'species',
    '--model',
    'mlp',
    '--register',
    'iris',
    '--workspace',
    ws,
  );
  expect(trained.code).toBe(0);
  expect((await workbenchInProcess('deploy', 'iris', '1', '--env', 'production', '--workspace', ws)).code).toBe(0);
  store = await FileWorkspaceStore.open(ws, { create: false });
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const input = (n: number) => ({
  modelName: 'iris',
  trigger: 'manual (test)',
  datasetVersionId: null,
  traffic: null,
  runId: `retrain-${n}`,
  runName: `retrain iris ${n}`,
  actor: 'ana',
});

describe('retraining an MLP champion in the monitor runner', () => {
  it('without TF.js it fails, says so, and leaves the champion serving', async () => {
    const record = await monitorRunner(store, async () => cachedDriftFunction()).retrain(input(1), 'node: test');
    expect(record.outcome).toBe('failed');
    expect(record.steps.at(-1)!.message).toMatch(/runs on TensorFlow\.js, but no TF\.js backend was handed in/);
    expect(record.challenger).toBeNull();
    expect((await servingVersion(store, 'iris', 'production'))?.version.id).toBe('iris@1');
  }, 120_000);

  it('with the backend handed in, trains the challenger on it and records which backend', async () => {
    let asked = 0;
    const tf = async () => {
      asked++;
      return selectNodeBackend('auto');
    };
    const record = await monitorRunner(store, async () => cachedDriftFunction(), tf).retrain(input(2), 'node: test');
    expect(asked).toBe(1);
    const trained = record.steps.find((s) => s.step === 'trained');
    expect(trained?.ok).toBe(true);
    expect(record.challenger).toBe('iris@2');
    const run = (await store.getRun(record.runId!))!;
    expect(run.spec.model.kind).toBe('mlp');
    expect(run.environment.backend).toBe((await selectNodeBackend('auto')).name);
    expect(run.environment.platform).toBe('node: test');
  }, 300_000);
});
