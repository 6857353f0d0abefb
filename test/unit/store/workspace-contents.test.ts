import 'fake-indexeddb/auto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileWorkspaceStore } from '../../../src/adapters/folder-store/file-workspace-store.ts';
import { IdbWorkspaceStore } from '../../../src/adapters/idb-store/idb-workspace-store.ts';
import { connectWorkbenchDb } from '../../../src/adapters/idb-store/open-db.ts';
import { MemoryWorkspaceStore } from '../../../src/adapters/memory-store/memory-workspace-store.ts';
import { readInventory } from '../../../src/core/maturity/index.ts';
import type { WorkspaceStore } from '../../../src/core/ports.ts';
import { DEFAULT_GATES } from '../../../src/core/registry/registry-types.ts';
import { PredictionLogWriter } from '../../../src/core/serving/replay/prediction-log.ts';
import { readWorkspaceContents } from '../../../src/core/workspace-contents.ts';
import { readLessonSnapshot } from '../../../src/state/lesson-snapshot.ts';
import { sampleVersion } from '../helpers/sample-version.ts';
import { draft, sampleRun } from '../helpers/workspace-store-suite.ts';

const root = mkdtempSync(join(tmpdir(), 'workbench-contents-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

const stores: [string, () => Promise<WorkspaceStore>][] = [
  ['memory', async () => new MemoryWorkspaceStore()],
  ['folder', async () => FileWorkspaceStore.open(join(root, `ws-${++n}`))],
  [
    'IndexedDB',
    async () => {
      const db = connectWorkbenchDb(`workspace-contents-${++n}`);
      return new IdbWorkspaceStore(() => db);
    },
  ],
];

/** A workspace with a dataset version, a run, a model and a replay of 12,000 requests (three log batches): six audit events. */
async function fill(store: WorkspaceStore): Promise<void> {
  const { version, bytes } = sampleVersion();
  await store.saveDatasetVersion(version, bytes, draft('dataset.version_saved', version.id));
  await store.saveRun(sampleRun('run-1', '2026-01-01T00:00:00.000Z'), [], draft('run.completed', 'run-1'));
  const model = {
    name: 'churn',
    createdAt: '2026-01-01T00:00:00.000Z',
    description: '',
    gates: DEFAULT_GATES,
    latestVersion: 1,
  };
  await store.commit({ puts: [{ kind: 'models', value: model }] }, draft('model.registered', 'churn'));
  const writer = new PredictionLogWriter('replay-1');
  for (let i = 0; i < 12_000; i++) writer.add(i, i, 'churn@1', true, 'yes', 1, null, null);
  // Written in two changes, the later batch first.
  const [b0, b1, b2] = writer.batches();
  await store.commit({ puts: [{ kind: 'predictionLogs', value: b2 }] }, draft('deployment.simulated', 'replay-1'));
  await store.commit(
    { puts: [b0, b1].map((value) => ({ kind: 'predictionLogs' as const, value })) },
    draft('deployment.simulated', 'replay-1'),
  );
  await store.appendAudit(draft('model.updated', 'churn'));
}

/** `store` with every method call it gets written down as `name(first argument)`. */
function recorded<T extends WorkspaceStore>(store: T): { store: T; calls: string[] } {
  const calls: string[] = [];
  const proxy = new Proxy(store, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(`${String(prop)}(${args.length > 0 ? String(args[0]) : ''})`);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

describe.each(stores)('what the %s workspace holds, as the lessons and the maturity assessment read it', (_, open) => {
  it('names the prediction-log batches by id, and the lessons and the inventory count the same things', async () => {
    const store = await open();
    await fill(store);
    const contents = await readWorkspaceContents(store);
    expect(contents.predictionLogIds).toEqual(['replay-1#000000', 'replay-1#000001', 'replay-1#000002']);
    expect(contents.runs.map((r) => r.id)).toEqual(['run-1']);
    expect(contents.models.map((m) => m.name)).toEqual(['churn']);
    expect(contents.datasetVersions).toEqual(await store.listDatasetVersions());
    expect(await readLessonSnapshot(store)).toEqual(contents);
    expect(await readInventory(store)).toMatchObject({
      datasetVersions: 1,
      completedRuns: 0,
      modelVersions: 0,
      deployments: 0,
      predictionLogBatches: 3,
      auditEvents: 6,
      auditProblem: null,
    });
  });

  it('reads no log entries for the lessons, and for the maturity inventory reads the audit log once and the entries only to verify them', async () => {
    const { store, calls } = recorded(await open());
    await fill(store);
    calls.length = 0;
    await readLessonSnapshot(store);
    expect(calls).toContain('listKeys(predictionLogs)');
    expect(calls).not.toContain('listRecords(predictionLogs)');
    expect(calls).not.toContain('listAudit()');
    calls.length = 0;
    await readInventory(store);
    expect(calls.filter((c) => c === 'listAudit()')).toHaveLength(1);
    expect(calls.filter((c) => c === 'listRecords(predictionLogs)')).toHaveLength(1);
  });
});

describe('the maturity inventory of a folder workspace', () => {
  it('still names a prediction-log batch edited outside the workbench', async () => {
    const dir = join(root, 'edited');
    const store = await FileWorkspaceStore.open(dir);
    await fill(store);
    const folder = join(dir, 'records', 'predictionLogs');
    const [first] = readdirSync(folder).sort();
    const writer = new PredictionLogWriter('replay-1');
    writer.add(0, 0, 'churn@1', true, 'no', 1, null, null);
    writeFileSync(join(folder, first), JSON.stringify(writer.batches()[0]));
    const inventory = await readInventory(store);
    expect(inventory.predictionLogBatches).toBe(3);
    expect(inventory.auditProblem).toMatch(/replay-1#000000/);
  });
});
