import { describe, expect, it } from 'vitest';
import type { StoredKind, WorkspaceStore } from '../../../src/core/ports.ts';
import { DEFAULT_GATES } from '../../../src/core/registry/registry-types.ts';
import { PredictionLogWriter, type PredictionLogBatch } from '../../../src/core/serving/replay/prediction-log.ts';
import { sampleVersion } from '../helpers/sample-version.ts';
import { draft, erasure, sampleRun } from '../helpers/workspace-store-suite.ts';

const model = (name: string) => ({
  name,
  createdAt: '2026-01-01T00:00:00.000Z',
  description: '',
  gates: DEFAULT_GATES,
  latestVersion: 1,
});

// Keys whose sorted order differs from the order they are written in: upper case sorts before lower,
// a non-ASCII letter after both, and a key too long for a file name (the folder store hashes it).
const LONG = `m${'x'.repeat(240)}`;
const MODEL_NAMES = ['churn', 'élan', 'Churn', LONG, 'a b'];

/** Three batches of one prediction log, 7 requests each, written in reverse order of their keys. */
function logBatches(logId: string): PredictionLogBatch[] {
  const writer = new PredictionLogWriter(logId);
  for (let i = 0; i < 7; i++) writer.append(entry(i));
  const [batch] = writer.batches();
  return [2, 1, 0].map((seq) => ({ ...batch, id: `${logId}#${String(seq).padStart(6, '0')}`, seq }));
}

function entry(i: number) {
  return {
    request: i,
    row: i,
    version: 'churn@1',
    served: true,
    output: 'yes',
    latencyMs: 1,
    label: null,
    labelAt: null,
  };
}

/**
 * The key listing and counting every WorkspaceStore must offer, checked
 * against what the store lists in full: same keys, same number, sorted as
 * IndexedDB sorts string keys.
 */
export function describeRecordKeys(name: string, makeStore: () => Promise<WorkspaceStore>): void {
  describe(`${name}: keys and counts without reading records`, () => {
    it('gives nothing for a kind that holds nothing', async () => {
      const store = await makeStore();
      const kinds: StoredKind[] = ['datasetVersions', 'runs', 'models', 'predictionLogs', 'onlineFeatures'];
      for (const kind of kinds) {
        expect(await store.listKeys(kind)).toEqual([]);
        expect(await store.countRecords(kind)).toBe(0);
      }
    });

    it('lists the keys of every kind, sorted, and counts them, matching the records listed in full', async () => {
      const store = await makeStore();
      for (const name of MODEL_NAMES)
        await store.commit({ puts: [{ kind: 'models', value: model(name) }] }, draft('model.registered', name));
      const batches = logBatches('replay-1');
      await store.commit(
        { puts: batches.map((value) => ({ kind: 'predictionLogs' as const, value })) },
        draft('deployment.simulated', 'd'),
      );
      const versions = ['x\n1\n', 'x\n2\n'].map((content) => sampleVersion(content));
      for (const { version, bytes } of versions)
        await store.saveDatasetVersion(version, bytes, draft('dataset.version_saved', version.id));
      for (const id of ['run-b', 'run-a'])
        await store.saveRun(sampleRun(id, '2026-01-01T00:00:00.000Z'), [], draft('run.completed', id));

      expect(await store.listKeys('models')).toEqual(['Churn', 'a b', 'churn', LONG, 'élan']);
      expect(await store.listKeys('predictionLogs')).toEqual(['replay-1#000000', 'replay-1#000001', 'replay-1#000002']);
      expect(await store.listKeys('datasetVersions')).toEqual(versions.map((v) => v.version.id).sort());
      expect(await store.listKeys('runs')).toEqual(['run-a', 'run-b']);
      expect(await store.listKeys('deployments')).toEqual([]);
      expect(await store.countRecords('models')).toBe(5);
      expect(await store.countRecords('predictionLogs')).toBe(3);
      expect(await store.countRecords('datasetVersions')).toBe(2);
      expect(await store.countRecords('runs')).toBe(2);
      // The same keys as the records themselves hold.
      expect((await store.listRecords('predictionLogs')).map((b) => b.id).sort()).toEqual(
        await store.listKeys('predictionLogs'),
      );
      expect((await store.listRecords('models')).map((m) => m.name).sort()).toEqual(await store.listKeys('models'));
    });

    it('counts a record written again under its key once, and nothing after the workspace is erased', async () => {
      const store = await makeStore();
      await store.commit({ puts: [{ kind: 'models', value: model('churn') }] }, draft('model.registered', 'churn'));
      await store.commit(
        { puts: [{ kind: 'models', value: { ...model('churn'), description: 'again' } }] },
        draft('model.updated', 'churn'),
      );
      expect(await store.listKeys('models')).toEqual(['churn']);
      expect(await store.countRecords('models')).toBe(1);
      await store.eraseAll(erasure());
      expect(await store.listKeys('models')).toEqual([]);
      expect(await store.countRecords('models')).toBe(0);
    });
  });
}
