import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileWorkspaceStore } from '../../../src/adapters/folder-store/file-workspace-store.ts';
import { DEFAULT_GATES } from '../../../src/core/registry/registry-types.ts';
import { PredictionLogWriter } from '../../../src/core/serving/replay/prediction-log.ts';
import { draft } from '../helpers/workspace-store-suite.ts';

const root = mkdtempSync(join(tmpdir(), 'workbench-keys-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('FileWorkspaceStore keys and counts', () => {
  it('come from the file names: a record whose body is damaged is still listed and counted, and only reading it fails', async () => {
    const dir = join(root, 'damaged');
    const store = await FileWorkspaceStore.open(dir);
    const writer = new PredictionLogWriter('replay-1');
    for (let i = 0; i < 12_000; i++) {
      writer.add(i, i, 'churn@1', true, 'yes', 1, null, null);
    }
    const puts = writer.batches().map((value) => ({ kind: 'predictionLogs' as const, value }));
    await store.commit({ puts }, draft('deployment.simulated', 'd'));
    const folder = join(dir, 'records', 'predictionLogs');
    expect(readdirSync(folder).sort()).toEqual([
      'replay-1%23000000.json',
      'replay-1%23000001.json',
      'replay-1%23000002.json',
    ]);
    writeFileSync(join(folder, 'replay-1%23000001.json'), '{"id": "replay-1#000001", "request": [1, 2');
    expect(await store.listKeys('predictionLogs')).toEqual(['replay-1#000000', 'replay-1#000001', 'replay-1#000002']);
    expect(await store.countRecords('predictionLogs')).toBe(3);
    await expect(store.listRecords('predictionLogs')).rejects.toMatchObject({ code: 'storage.corrupt' });
  });

  it('ignore the temporary files an interrupted write leaves next to the records', async () => {
    const dir = join(root, 'temporary');
    const store = await FileWorkspaceStore.open(dir);
    const model = {
      name: 'churn',
      createdAt: '2026-01-01T00:00:00.000Z',
      description: '',
      gates: DEFAULT_GATES,
      latestVersion: 1,
    };
    await store.commit({ puts: [{ kind: 'models', value: model }] }, draft('model.registered', 'churn'));
    writeFileSync(join(dir, 'records', 'models', 'other.json.123.1.tmp'), '{}');
    expect(await store.listKeys('models')).toEqual(['churn']);
    expect(await store.countRecords('models')).toBe(1);
  });
});
