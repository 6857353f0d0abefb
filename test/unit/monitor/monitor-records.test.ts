import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileWorkspaceStore } from '../../../src/adapters/folder-store/file-workspace-store.ts';
import { IdbWorkspaceStore } from '../../../src/adapters/idb-store/idb-workspace-store.ts';
import { connectWorkbenchDb } from '../../../src/adapters/idb-store/open-db.ts';
import { MemoryWorkspaceStore } from '../../../src/adapters/memory-store/memory-workspace-store.ts';
import {
  monitorAlertRaised,
  monitorPolicySet,
  retrainingFailed,
} from '../../../src/core/audit/events/monitor-events.ts';
import { verifyStore } from '../../../src/core/audit/verify-store.ts';
import type { Alert, RetrainingRecord } from '../../../src/core/monitor/monitor-types.ts';
import type { WorkspaceStore } from '../../../src/core/ports.ts';
import { ACTOR, at } from '../registry/registry-fixtures.ts';

const dirs: string[] = [];
let dbCount = 0;
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const stores: [string, () => Promise<WorkspaceStore>][] = [
  ['memory', async () => new MemoryWorkspaceStore()],
  [
    'folder',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'workbench-monitor-records-'));
      dirs.push(dir);
      return FileWorkspaceStore.open(join(dir, 'ws'), { create: true });
    },
  ],
  [
    'IndexedDB',
    async () => {
      const db = connectWorkbenchDb(`monitor-records-${++dbCount}`);
      return new IdbWorkspaceStore(() => db);
    },
  ],
];

const alert: Alert = {
  id: 'iris/production:drift:replay-1:0+50',
  modelName: 'iris',
  env: 'production',
  ruleId: 'drift',
  ruleKind: 'drift_share',
  span: { key: 'replay-1:0+50', index: 0, firstRequest: 0, size: 50 },
  version: 'iris@1',
  value: 0.75,
  threshold: 0.5,
  message: '75.0% of the features drifted',
  raisedAt: at(1),
};
const retraining: RetrainingRecord = {
  id: 'iris#1',
  modelName: 'iris',
  seq: 1,
  trigger: 'manual',
  startedAt: at(2),
  actor: ACTOR,
  champion: 'iris@1',
  logRequests: 150,
  datasetVersionId: null,
  challenger: null,
  runId: null,
  outcome: 'failed',
  steps: [{ step: 'failed', ok: false, message: 'no data' }],
};

describe.each(stores)('alert and retraining records in the %s store', (_, open) => {
  it('keeps them with their audit events, bound so verification passes and an edit is named', async () => {
    const store = await open();
    const { id: _id, raisedAt: _at, ...data } = alert;
    await store.commit(
      { puts: [{ kind: 'alerts', value: alert }] },
      monitorAlertRaised({ at: at(1), actor: ACTOR }, alert.id, data),
    );
    await store.commit(
      { puts: [{ kind: 'retrainings', value: retraining }] },
      retrainingFailed({ at: at(2), actor: ACTOR }, retraining.id, {
        modelName: 'iris',
        trigger: 'manual',
        champion: 'iris@1',
        reason: 'no data',
        code: 'registry.dataset_not_found',
        note: 'iris@1 keeps serving production.',
      }),
    );
    expect(await store.listRecords('alerts')).toEqual([alert]);
    expect(await store.getRecord('retrainings', 'iris#1')).toEqual(retraining);
    expect(await verifyStore(store)).toMatchObject({ ok: true, bound: 2 });
    await expect(
      store.commit(
        { puts: [], expect: [{ kind: 'alerts', key: alert.id, equals: undefined }] },
        monitorAlertRaised({ at: at(3), actor: ACTOR }, alert.id, data),
      ),
    ).rejects.toMatchObject({ code: 'storage.conflict' });
  });
});

describe.each(stores)('monitoring policies in the %s store', (_, open) => {
  it('are kept under the model name', async () => {
    const store = await open();
    const policy = {
      modelName: 'iris',
      rules: [{ id: 'drift', kind: 'drift_share' as const, threshold: 0.5 }],
      retraining: {
        onAlert: true,
        onNewData: false,
        everyRequests: 500,
        promotion: 'auto' as const,
        strategy: 'direct' as const,
        env: 'production' as const,
      },
      updatedAt: at(1),
      updatedBy: ACTOR,
    };
    await store.commit(
      { puts: [{ kind: 'monitorPolicies', value: policy }] },
      monitorPolicySet({ at: at(1), actor: ACTOR }, 'iris', {
        rules: policy.rules,
        retraining: policy.retraining,
        previous: null,
      }),
    );
    expect(await store.getRecord('monitorPolicies', 'iris')).toEqual(policy);
    expect(await verifyStore(store)).toMatchObject({ ok: true, bound: 1 });
  });
});
