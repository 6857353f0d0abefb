import { describe, expect, it } from 'vitest';
import type { MemoryWorkspaceStore } from '../../../src/adapters/memory-store/memory-workspace-store.ts';
import { registryAt, registryMoments, stageHistory } from '../../../src/core/registry/registry-at.ts';
import { registerRun, setGates, transition } from '../../../src/core/registry/registry-service.ts';
import { readRegistry, type RegistrySnapshot } from '../../../src/core/registry/registry-snapshot.ts';
import { DEFAULT_GATES } from '../../../src/core/registry/registry-types.ts';
import { ACTOR, at, completedRun, storeWith } from './registry-fixtures.ts';

/**
 * t10 v1 registered · t11 v2 registered · t20 v1 → Production · t30 v2 → Staging
 * t35 v2 blocked (approval) · t40 v2 → Production (v1 archived) · t50 v3 registered (another model)
 */
async function history(): Promise<{ store: MemoryWorkspaceStore; snapshot: RegistrySnapshot }> {
  const { store, runs } = await storeWith((d) =>
    ['r1', 'r2', 'r3'].map((id) => completedRun({ id, datasetVersionId: d })),
  );
  await registerRun(store, { run: runs[0], modelName: 'iris', actor: ACTOR, now: at(10) });
  await registerRun(store, { run: runs[1], modelName: 'iris', actor: ACTOR, now: at(11) });
  await transition(store, {
    modelName: 'iris',
    version: 1,
    to: 'Production',
    reason: 'first',
    actor: ACTOR,
    now: at(20),
  });
  await transition(store, { modelName: 'iris', version: 2, to: 'Staging', reason: 'trial', actor: ACTOR, now: at(30) });
  await setGates(store, {
    modelName: 'iris',
    gates: { ...DEFAULT_GATES, requireApproval: true },
    actor: ACTOR,
    now: at(34),
  });
  await transition(store, { modelName: 'iris', version: 2, to: 'Production', reason: 'go', actor: ACTOR, now: at(35) });
  await transition(store, {
    modelName: 'iris',
    version: 2,
    to: 'Production',
    reason: 'go',
    actor: ACTOR,
    now: at(40),
    approval: { approver: 'Lee', comment: 'ok' },
  });
  await registerRun(store, { run: runs[2], modelName: 'setosa-detector', actor: ACTOR, now: at(50) });
  return { store, snapshot: await readRegistry(store) };
}

function stagesAt(snapshot: RegistrySnapshot, minutes: number): Record<string, string> {
  return Object.fromEntries(registryAt(snapshot, at(minutes)).versions.map((v) => [v.id, v.stage]));
}

describe('registryAt', () => {
  it('shows the registry as it was at several past moments', async () => {
    const { snapshot } = await history();
    expect(stagesAt(snapshot, 5)).toEqual({});
    expect(registryAt(snapshot, at(5)).models).toEqual([]);
    expect(stagesAt(snapshot, 10)).toEqual({ 'iris@1': 'Development' });
    expect(stagesAt(snapshot, 25)).toEqual({ 'iris@1': 'Production', 'iris@2': 'Development' });
    expect(stagesAt(snapshot, 30)).toEqual({ 'iris@1': 'Production', 'iris@2': 'Staging' });
    // The blocked attempt at t35 changed nothing.
    expect(stagesAt(snapshot, 36)).toEqual({ 'iris@1': 'Production', 'iris@2': 'Staging' });
    expect(stagesAt(snapshot, 40)).toEqual({ 'iris@1': 'Archived', 'iris@2': 'Production' });
    expect(stagesAt(snapshot, 60)).toEqual({
      'iris@1': 'Archived',
      'iris@2': 'Production',
      'setosa-detector@1': 'Development',
    });
  });

  it('gives each model the highest version it had then', async () => {
    const { snapshot } = await history();
    expect(registryAt(snapshot, at(10)).models.map((m) => [m.name, m.latestVersion])).toEqual([['iris', 1]]);
    expect(registryAt(snapshot, at(60)).models.map((m) => [m.name, m.latestVersion])).toEqual([
      ['iris', 2],
      ['setosa-detector', 1],
    ]);
  });

  it('lists the moments a time slider can stop at', async () => {
    const { snapshot } = await history();
    expect(registryMoments(snapshot)).toEqual([at(10), at(11), at(20), at(30), at(40), at(50)]);
  });
});

describe('stageHistory', () => {
  it('lists who moved which version where, when and why, blocked attempts included, each archive right after the promotion that caused it', async () => {
    const { snapshot } = await history();
    const rows = stageHistory(snapshot, { modelName: 'iris' }).map((t) => [
      t.at,
      t.id,
      `${t.from}→${t.to}`,
      t.outcome,
      t.reason,
      t.causedBy,
    ]);
    expect(rows).toEqual([
      [at(20), 'iris@1#1', 'Development→Production', 'done', 'first', null],
      [at(30), 'iris@2#1', 'Development→Staging', 'done', 'trial', null],
      [at(35), 'iris@2#2', 'Staging→Production', 'blocked', 'go', null],
      [at(40), 'iris@2#3', 'Staging→Production', 'done', 'go', null],
      [at(40), 'iris@1#2', 'Production→Archived', 'done', 'Replaced in Production by version 2.', 'iris@2#3'],
    ]);
    expect(stageHistory(snapshot, { modelName: 'iris', version: 1 }).map((t) => t.id)).toEqual([
      'iris@1#1',
      'iris@1#2',
    ]);
  });

  it('orders sequence numbers numerically (#10 after #9)', async () => {
    const { store, runs } = await storeWith((d) => [completedRun({ id: 'r1', datasetVersionId: d })]);
    await registerRun(store, { run: runs[0], modelName: 'm', actor: ACTOR, now: at(0) });
    for (let i = 0; i < 10; i++) {
      await transition(store, {
        modelName: 'm',
        version: 1,
        to: i % 2 ? 'Development' : 'Staging',
        reason: `${i}`,
        actor: ACTOR,
        now: at(1),
      });
    }
    const ids = stageHistory(await readRegistry(store)).map((t) => t.id);
    expect(ids.slice(-2)).toEqual(['m@1#9', 'm@1#10']);
    expect(registryAt(await readRegistry(store), at(1)).versions[0].stage).toBe('Development');
  });
});
