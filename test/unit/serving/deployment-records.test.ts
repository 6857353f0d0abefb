import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileWorkspaceStore } from '../../../src/adapters/folder-store/file-workspace-store.ts';
import { IdbWorkspaceStore } from '../../../src/adapters/idb-store/idb-workspace-store.ts';
import { connectWorkbenchDb } from '../../../src/adapters/idb-store/open-db.ts';
import { MemoryWorkspaceStore } from '../../../src/adapters/memory-store/memory-workspace-store.ts';
import { deploymentSimulated } from '../../../src/core/audit/events/serving-events.ts';
import type { WorkspaceStore } from '../../../src/core/ports.ts';
import { mcnemar } from '../../../src/core/serving/statistics/mcnemar.ts';
import { planDeploy } from '../../../src/core/serving/deployments/plan-deploy.ts';
import { PredictionLogWriter } from '../../../src/core/serving/replay/prediction-log.ts';
import { registerRun } from '../../../src/core/registry/registry-service.ts';
import { readRegistry } from '../../../src/core/registry/registry-snapshot.ts';
import { planRollback } from '../../../src/core/serving/deployments/plan-rollback.ts';
import { ACTOR, at, completedRun, storeWith } from '../registry/registry-fixtures.ts';

const dirs: string[] = [];
let dbCount = 0;
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const stores: [string, () => Promise<WorkspaceStore>][] = [
  ['memory', async () => new MemoryWorkspaceStore()],
  [
    'folder',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'workbench-deployments-'));
      dirs.push(dir);
      return FileWorkspaceStore.open(join(dir, 'ws'), { create: true });
    },
  ],
  [
    'IndexedDB',
    async () => {
      const db = connectWorkbenchDb(`deployments-${++dbCount}`);
      return new IdbWorkspaceStore(() => db);
    },
  ],
];

describe.each(stores)('deployments and prediction-log records in the %s store', (_, open) => {
  it('keeps deployments and log batches through commit, with their audit events', async () => {
    const store = await open();
    const first = planDeploy([], [], { modelName: 'iris', version: 1, env: 'production', actor: ACTOR, now: at(1) });
    await store.commit(first.change, first.event);
    const second = planDeploy([first.deployment], [], {
      modelName: 'iris',
      version: 2,
      env: 'production',
      actor: ACTOR,
      now: at(2),
    });
    await store.commit(second.change, second.event);
    const byId = Object.fromEntries((await store.listRecords('deployments')).map((d) => [d.id, d]));
    expect(byId['iris/production#1']).toEqual({ ...first.deployment, active: false, status: 'replaced' });
    expect(byId['iris/production#2']).toEqual(second.deployment);
    // A stale plan (it still thinks #1 is active) is refused.
    await expect(store.commit(second.change, second.event)).rejects.toMatchObject({ code: 'storage.conflict' });

    const log = new PredictionLogWriter('replay-1');
    for (let i = 0; i < 7; i++)
      log.append({
        request: i,
        row: i,
        version: 'iris@1',
        served: true,
        output: 'setosa',
        latencyMs: 0.1,
        label: i % 2 ? 'setosa' : null,
        labelAt: i % 2 ? i : null,
      });
    const batches = log.batches();
    await store.commit(
      { puts: batches.map((value) => ({ kind: 'predictionLogs' as const, value })) },
      deploymentSimulated({ at: at(3), actor: ACTOR }, 'replay-1', {
        strategy: 'shadow',
        decision: 'no-decision',
        shadowed: 7,
        agreement: 1,
        mcnemar: mcnemar(0, 0),
        stable: 'iris@1',
        candidate: 'iris@2',
        requests: 7,
        labelDelay: 0,
        seed: 42,
        logBatches: 1,
      }),
    );
    expect(await store.getRecord('predictionLogs', 'replay-1#000000')).toEqual(batches[0]);
    expect((await store.listAudit()).map((e) => e.type)).toEqual([
      'deployment.deployed',
      'deployment.deployed',
      'deployment.simulated',
    ]);
  });
});

describe('planRollback', () => {
  it('restores the replaced deployment record exactly and refuses when there is none', async () => {
    const { store, runs } = await storeWith((d) => [
      completedRun({ id: 'r1', datasetVersionId: d }),
      completedRun({ id: 'r2', datasetVersionId: d }),
    ]);
    for (const run of runs) await registerRun(store, { run, modelName: 'iris', actor: ACTOR, now: at(5) });
    const snapshot = await readRegistry(store);
    const first = planDeploy([], [], { modelName: 'iris', version: 1, env: 'staging', actor: ACTOR, now: at(6) });
    expect(() =>
      planRollback(snapshot, [first.deployment], { modelName: 'iris', env: 'staging', actor: ACTOR, now: at(7) }),
    ).toThrow('no earlier deployment to roll back to');
    const second = planDeploy([first.deployment], [], {
      modelName: 'iris',
      version: 2,
      env: 'staging',
      actor: ACTOR,
      now: at(7),
    });
    const plan = planRollback(snapshot, [second.replaced!, second.deployment], {
      modelName: 'iris',
      env: 'staging',
      actor: ACTOR,
      now: at(8),
    });
    expect(plan.restored).toEqual(first.deployment);
    expect(plan.rolledBack).toMatchObject({
      id: 'iris/staging#2',
      active: false,
      status: 'rolled-back',
      rolledBack: { at: at(8), by: ACTOR, restored: 'iris/staging#1' },
    });
    // Staging rollbacks leave the registry's stages alone.
    expect(plan.transitions).toEqual([]);
    expect(() =>
      planRollback(snapshot, [], { modelName: 'iris', env: 'production', actor: ACTOR, now: at(8) }),
    ).toThrow('Nothing of "iris" is deployed in production');
  });
});
