import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IdbWorkspaceStore } from '../../../src/adapters/idb-store/idb-workspace-store.ts';
import { connectWorkbenchDb } from '../../../src/adapters/idb-store/open-db.ts';
import { verifyChain } from '../../../src/core/audit/verify-chain.ts';
import { planRegistration } from '../../../src/core/registry/plan-registration.ts';
import { planTransition } from '../../../src/core/registry/plan-transition.ts';
import { registerRun, transition } from '../../../src/core/registry/registry-service.ts';
import { readRegistry } from '../../../src/core/registry/registry-snapshot.ts';
import { datasetVersionSaved } from '../../../src/core/audit/events/data-events.ts';
import { ACTOR, at, completedRun, datasetVersion, runSavedEvent } from './registry-fixtures.ts';

describe('registry on the IndexedDB store, two tabs', () => {
  it('registers, promotes with an archive in one transaction, and refuses the stale tab', async () => {
    const name = 'registry-two-tabs';
    const tabA = new IdbWorkspaceStore(() => connectWorkbenchDb(name));
    const tabB = new IdbWorkspaceStore(() => connectWorkbenchDb(name));
    const { version: dataset, bytes } = datasetVersion('idb\n');
    await tabA.saveDatasetVersion(dataset, bytes, datasetVersionSaved(dataset, ACTOR));
    const runs = ['r1', 'r2', 'r3'].map((id) => completedRun({ id, datasetVersionId: dataset.id }));
    for (const run of runs) await tabA.saveRun(run, [], runSavedEvent(run));

    await registerRun(tabA, { run: runs[0], modelName: 'iris', actor: ACTOR, now: at(2) });
    await transition(tabA, {
      modelName: 'iris',
      version: 1,
      to: 'Production',
      reason: 'first',
      actor: ACTOR,
      now: at(3),
    });

    // Both tabs read the same registry and plan version 2.
    const [snapA, snapB] = await Promise.all([readRegistry(tabA), readRegistry(tabB)]);
    const a = planRegistration(snapA, {
      run: runs[1],
      datasetVersion: dataset,
      modelName: 'iris',
      actor: 'a',
      now: at(4),
    });
    const b = planRegistration(snapB, {
      run: runs[2],
      datasetVersion: dataset,
      modelName: 'iris',
      actor: 'b',
      now: at(4),
    });
    await tabA.commit(a.change, a.event);
    await expect(tabB.commit(b.change, b.event)).rejects.toMatchObject({ code: 'storage.conflict' });

    const snapshot = await readRegistry(tabB);
    const promote = planTransition(snapshot, dataset, {
      modelName: 'iris',
      version: 2,
      to: 'Production',
      reason: 'better',
      actor: 'b',
      now: at(5),
    });
    await tabB.commit(promote.change, promote.event);

    const after = await readRegistry(tabA);
    expect(after.versions.map((v) => [v.id, v.runId, v.stage]).sort()).toEqual([
      ['iris@1', 'r1', 'Archived'],
      ['iris@2', 'r2', 'Production'],
    ]);
    expect(after.transitions.map((t) => t.id).sort()).toEqual(['iris@1#1', 'iris@1#2', 'iris@2#1']);
    const audit = await tabA.listAudit();
    expect(audit.map((e) => e.type)).toEqual([
      'dataset.version_saved',
      'run.completed',
      'run.completed',
      'run.completed',
      'model.registered',
      'model.stage_changed',
      'model.registered',
      'model.stage_changed',
    ]);
    expect(verifyChain(audit).ok).toBe(true);
  });
});
