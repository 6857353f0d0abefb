import { describe, expect, it } from 'vitest';
import type { MemoryWorkspaceStore } from '../../../src/adapters/memory-store/memory-workspace-store.ts';
import { validateGates } from '../../../src/core/registry/plan-gates.ts';
import { planCardUpdate } from '../../../src/core/registry/plan-version-edit.ts';
import {
  registerRun,
  setAliases,
  setGates,
  updateCard,
  updateModelDescription,
  updateVersionDetails,
} from '../../../src/core/registry/registry-service.ts';
import { readRegistry, resolveVersion } from '../../../src/core/registry/registry-snapshot.ts';
import { DEFAULT_GATES } from '../../../src/core/registry/registry-types.ts';
import { ACTOR, at, completedRun, storeWith } from './registry-fixtures.ts';

async function twoVersions(): Promise<MemoryWorkspaceStore> {
  const { store, runs } = await storeWith((d) => [
    completedRun({ id: 'r1', datasetVersionId: d }),
    completedRun({ id: 'r2', datasetVersionId: d }),
  ]);
  for (const [i, run] of runs.entries())
    await registerRun(store, { run, modelName: 'iris', actor: ACTOR, now: at(10 + i) });
  return store;
}

async function aliasesOf(store: MemoryWorkspaceStore): Promise<Record<string, string[]>> {
  return Object.fromEntries((await readRegistry(store)).versions.map((v) => [v.id, v.aliases]));
}

describe('setAliases', () => {
  it('keeps an alias on one version of a model: moving it removes it from the other', async () => {
    const store = await twoVersions();
    await setAliases(store, {
      modelName: 'iris',
      version: 1,
      aliases: ['champion', 'stable'],
      actor: ACTOR,
      now: at(20),
    });
    const moved = await setAliases(store, {
      modelName: 'iris',
      version: 2,
      aliases: ['champion', 'champion', 'challenger'],
      actor: 'bo',
      now: at(21),
    });

    expect(await aliasesOf(store)).toEqual({ 'iris@1': ['stable'], 'iris@2': ['champion', 'challenger'] });
    expect(moved.movedFrom).toEqual([{ version: 1, alias: 'champion' }]);
    expect((await store.listAudit()).at(-1)).toMatchObject({
      type: 'model.aliases_set',
      subject: 'iris@2',
      actor: 'bo',
      data: {
        aliases: ['champion', 'challenger'],
        previous: [],
        removed: [],
        movedFrom: [{ version: 1, alias: 'champion' }],
      },
    });
    expect(resolveVersion(await readRegistry(store), 'iris', 'champion').id).toBe('iris@2');
    expect(resolveVersion(await readRegistry(store), 'iris', '1').id).toBe('iris@1');
  });

  it('refuses aliases that could be mistaken for version numbers or break keys', async () => {
    const store = await twoVersions();
    await expect(
      setAliases(store, { modelName: 'iris', version: 1, aliases: ['3'], actor: ACTOR, now: at(20) }),
    ).rejects.toMatchObject({ code: 'registry.bad_alias' });
    await expect(
      setAliases(store, { modelName: 'iris', version: 1, aliases: ['a b'], actor: ACTOR, now: at(20) }),
    ).rejects.toMatchObject({ code: 'registry.bad_alias' });
    expect(await aliasesOf(store)).toEqual({ 'iris@1': [], 'iris@2': [] });
  });
});

describe('version and model edits', () => {
  it('updates description, tags and card text, each with its audit event', async () => {
    const store = await twoVersions();
    await updateVersionDetails(store, {
      modelName: 'iris',
      version: 1,
      description: 'baseline forest',
      actor: ACTOR,
      now: at(20),
    });
    await updateVersionDetails(store, {
      modelName: 'iris',
      version: 1,
      tags: { owner: 'ana' },
      actor: ACTOR,
      now: at(21),
    });
    await updateCard(store, {
      modelName: 'iris',
      version: 1,
      intendedUse: 'Teaching.',
      limitations: 'Iris only.',
      actor: ACTOR,
      now: at(22),
    });
    await updateModelDescription(store, {
      modelName: 'iris',
      description: 'Flower species',
      actor: ACTOR,
      now: at(23),
    });

    const v1 = await store.getRecord('modelVersions', 'iris@1');
    expect([v1!.description, v1!.tags, v1!.card]).toEqual([
      'baseline forest',
      { owner: 'ana' },
      { intendedUse: 'Teaching.', limitations: 'Iris only.' },
    ]);
    expect((await store.getRecord('models', 'iris'))!.description).toBe('Flower species');
    const events = (await store.listAudit()).slice(-4).map((e) => [e.type, e.subject, e.data]);
    expect(events).toEqual([
      ['model.version_updated', 'iris@1', { description: 'baseline forest' }],
      ['model.version_updated', 'iris@1', { tags: { owner: 'ana' } }],
      ['model.card_updated', 'iris@1', { intendedUse: 'Teaching.', limitations: 'Iris only.' }],
      ['model.updated', 'iris', { description: 'Flower species' }],
    ]);
  });

  it('sets gates and records the previous ones', async () => {
    const store = await twoVersions();
    const gates = {
      ...DEFAULT_GATES,
      stages: ['Staging' as const, 'Production' as const],
      metrics: [{ metric: 'f1Macro', min: 0.7, maxRegression: 0.01 }],
    };
    await setGates(store, { modelName: 'iris', gates, actor: ACTOR, now: at(20) });
    expect((await store.getRecord('models', 'iris'))!.gates).toEqual(gates);
    expect((await store.listAudit()).at(-1)).toMatchObject({
      type: 'model.gates_set',
      subject: 'iris',
      data: { gates, previous: DEFAULT_GATES },
    });
  });

  it('refuses gates that make no sense, saying how to fix them', () => {
    const base = DEFAULT_GATES;
    expect(() => validateGates({ ...base, stages: ['Live' as never] })).toThrowError(/"Live" is not a stage/);
    expect(() => validateGates({ ...base, metrics: [{ metric: 'accuracy' }] })).toThrowError(
      'The gate on accuracy has no threshold. Set a minimum, a maximum or a maximum regression, or remove it.',
    );
    expect(() => validateGates({ ...base, metrics: [{ metric: 'accuracy', min: 0.9, max: 0.8 }] })).toThrowError(
      /minimum \(0.9\) above its maximum \(0.8\)/,
    );
    expect(() => validateGates({ ...base, metrics: [{ metric: 'rmse', maxRegression: -1 }] })).toThrowError(
      /Use 0 for "no worse than Production"/,
    );
    expect(() => validateGates({ ...base, metrics: [{ metric: 'r2', min: Number.NaN }] })).toThrowError(/not a number/);
    expect(() =>
      validateGates({
        ...base,
        metrics: [
          { metric: 'r2', min: 0 },
          { metric: 'r2', max: 1 },
        ],
      }),
    ).toThrowError(/two gates on r2/);
  });

  it('refuses an edit planned from a stale snapshot', async () => {
    const store = await twoVersions();
    const snapshot = await readRegistry(store);
    const a = planCardUpdate(snapshot, { modelName: 'iris', version: 1, intendedUse: 'A', actor: ACTOR, now: at(20) });
    const b = planCardUpdate(snapshot, { modelName: 'iris', version: 1, intendedUse: 'B', actor: ACTOR, now: at(20) });
    await store.commit(a.change, a.event);
    await expect(store.commit(b.change, b.event)).rejects.toMatchObject({ code: 'storage.conflict' });
    expect((await store.getRecord('modelVersions', 'iris@1'))!.card.intendedUse).toBe('A');
  });
});
