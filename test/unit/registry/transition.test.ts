import { describe, expect, it } from 'vitest';
import type { MemoryWorkspaceStore } from '../../../src/adapters/memory-store/memory-workspace-store.ts';
import { planTransition } from '../../../src/core/registry/plan-transition.ts';
import { registerRun, setGates, transition } from '../../../src/core/registry/registry-service.ts';
import { readRegistry } from '../../../src/core/registry/registry-snapshot.ts';
import { DEFAULT_GATES, STAGES } from '../../../src/core/registry/registry-types.ts';
import { isAllowedMove } from '../../../src/core/registry/stage-rules.ts';
import { ACTOR, at, completedRun, storeWith } from './registry-fixtures.ts';

/** A store with iris@1 (accuracy 0.85), iris@2 (0.90) and iris@3 (0.80), all in Development. */
async function threeVersions(): Promise<MemoryWorkspaceStore> {
  const { store, runs } = await storeWith((d) =>
    [85, 90, 80].map((correct, i) => completedRun({ id: `r${i + 1}`, datasetVersionId: d, correct })),
  );
  for (const [i, run] of runs.entries())
    await registerRun(store, { run, modelName: 'iris', actor: ACTOR, now: at(10 + i) });
  return store;
}

async function stages(store: MemoryWorkspaceStore): Promise<Record<string, string>> {
  const { versions } = await readRegistry(store);
  return Object.fromEntries(versions.map((v) => [v.id, v.stage]));
}

describe('stage rules', () => {
  it('allows any move from a live stage, and only Development from Archived', () => {
    const allowed = STAGES.flatMap((from) =>
      STAGES.filter((to) => isAllowedMove(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual([
      'Development→Staging',
      'Development→Production',
      'Development→Archived',
      'Staging→Development',
      'Staging→Production',
      'Staging→Archived',
      'Production→Development',
      'Production→Staging',
      'Production→Archived',
      'Archived→Development',
    ]);
  });

  it('refuses a forbidden move with a message that says what to do, and records nothing', async () => {
    const store = await threeVersions();
    await transition(store, {
      modelName: 'iris',
      version: 1,
      to: 'Archived',
      reason: 'old',
      actor: ACTOR,
      now: at(20),
    });
    const before = (await store.listAudit()).length;
    await expect(
      transition(store, { modelName: 'iris', version: 1, to: 'Staging', reason: '', actor: ACTOR, now: at(21) }),
    ).rejects.toMatchObject({
      code: 'registry.forbidden_transition',
      message:
        'Version 1 of "iris" is Archived and can only move back to Development. Move it to Development first, then promote it from there.',
    });
    await expect(
      transition(store, { modelName: 'iris', version: 2, to: 'Development', reason: '', actor: ACTOR, now: at(21) }),
    ).rejects.toMatchObject({ message: /already in Development/ });
    await expect(
      transition(store, { modelName: 'iris', version: 2, to: 'Live' as never, reason: '', actor: ACTOR, now: at(21) }),
    ).rejects.toMatchObject({ code: 'registry.bad_stage' });
    await expect(
      transition(store, { modelName: 'iris', version: 9, to: 'Staging', reason: '', actor: ACTOR, now: at(21) }),
    ).rejects.toMatchObject({ code: 'registry.version_not_found', message: /versions are 1, 2, 3/ });
    await expect(
      transition(store, { modelName: 'irsi', version: 1, to: 'Staging', reason: '', actor: ACTOR, now: at(21) }),
    ).rejects.toMatchObject({ code: 'registry.model_not_found', message: /Pick one of "iris"/ });
    expect((await store.listAudit()).length).toBe(before);
    const back = await transition(store, {
      modelName: 'iris',
      version: 1,
      to: 'Development',
      reason: 'revive',
      actor: ACTOR,
      now: at(22),
    });
    expect(back.transition).toMatchObject({ id: 'iris@1#2', from: 'Archived', to: 'Development', outcome: 'done' });
  });
});

describe('transition', () => {
  it('moves a version and records who, when, why, with an audit event', async () => {
    const store = await threeVersions();
    const result = await transition(store, {
      modelName: 'iris',
      version: 2,
      to: 'Staging',
      reason: 'try it',
      actor: 'bo',
      now: at(20),
    });
    expect(result.blocked).toBe(false);
    expect(await store.getRecord('stageTransitions', 'iris@2#1')).toEqual({
      id: 'iris@2#1',
      modelName: 'iris',
      version: 2,
      from: 'Development',
      to: 'Staging',
      at: at(20),
      actor: 'bo',
      reason: 'try it',
      approval: null,
      outcome: 'done',
      failedGates: [],
      causedBy: null,
    });
    const event = (await store.listAudit()).at(-1)!;
    expect(event).toMatchObject({ type: 'model.stage_changed', subject: 'iris@2', actor: 'bo', at: at(20) });
    expect(event.data).toMatchObject({
      from: 'Development',
      to: 'Staging',
      reason: 'try it',
      approver: null,
      archivedVersion: null,
    });
  });

  it('archives the previous Production version in the same commit, so there is one Production version at a time', async () => {
    const store = await threeVersions();
    await transition(store, {
      modelName: 'iris',
      version: 1,
      to: 'Production',
      reason: 'first',
      actor: ACTOR,
      now: at(20),
    });
    const before = (await store.listAudit()).length;
    const result = await transition(store, {
      modelName: 'iris',
      version: 2,
      to: 'Production',
      reason: 'better',
      actor: ACTOR,
      now: at(21),
    });

    expect(result.blocked).toBe(false);
    if (result.blocked) return;
    expect(result.archived).toMatchObject({ id: 'iris@1', stage: 'Archived' });
    expect(result.change.puts.map((p) => `${p.kind}:${'id' in p.value ? p.value.id : ''}`)).toEqual([
      'stageTransitions:iris@2#1',
      'modelVersions:iris@2',
      'stageTransitions:iris@1#2',
      'modelVersions:iris@1',
    ]);
    expect(await stages(store)).toEqual({ 'iris@1': 'Archived', 'iris@2': 'Production', 'iris@3': 'Development' });
    expect(await store.getRecord('stageTransitions', 'iris@1#2')).toMatchObject({
      from: 'Production',
      to: 'Archived',
      causedBy: 'iris@2#1',
      reason: 'Replaced in Production by version 2.',
      at: at(21),
    });
    const audit = await store.listAudit();
    expect(audit.length).toBe(before + 1);
    expect(audit.at(-1)!.data).toMatchObject({ from: 'Development', to: 'Production', archivedVersion: 1 });
  });

  it('refuses the second of two promotions planned from the same snapshot (no two Production versions)', async () => {
    const store = await threeVersions();
    const snapshot = await readRegistry(store);
    const dataset = await store.getDatasetVersion(snapshot.versions[0].datasetVersionId);
    const a = planTransition(snapshot, dataset, {
      modelName: 'iris',
      version: 2,
      to: 'Production',
      reason: 'a',
      actor: 'tab-a',
      now: at(20),
    });
    const b = planTransition(snapshot, dataset, {
      modelName: 'iris',
      version: 3,
      to: 'Production',
      reason: 'b',
      actor: 'tab-b',
      now: at(20),
    });
    await store.commit(a.change, a.event);
    await expect(store.commit(b.change, b.event)).rejects.toMatchObject({ code: 'storage.conflict' });
    expect(Object.values(await stages(store)).filter((s) => s === 'Production')).toHaveLength(1);
    expect((await store.listRecords('stageTransitions')).map((t) => t.id)).toEqual(['iris@2#1']);
  });

  it('records a blocked attempt, leaves the stage alone and says which gate failed and what to do', async () => {
    const store = await threeVersions();
    await setGates(store, {
      modelName: 'iris',
      gates: { ...DEFAULT_GATES, metrics: [{ metric: 'accuracy', min: 0.82 }] },
      actor: ACTOR,
      now: at(19),
    });
    const result = await transition(store, {
      modelName: 'iris',
      version: 3,
      to: 'Production',
      reason: 'ship it',
      actor: 'bo',
      now: at(20),
    });

    expect(result.blocked).toBe(true);
    const failed = [
      {
        gate: 'metric:accuracy:min',
        message:
          'accuracy is 0.8, below the minimum 0.82. Train a better model, or lower the gate if 0.8 is acceptable.',
      },
    ];
    if (result.blocked) expect(result.failedGates).toEqual(failed);
    expect(await stages(store)).toEqual({ 'iris@1': 'Development', 'iris@2': 'Development', 'iris@3': 'Development' });
    expect(await store.getRecord('stageTransitions', 'iris@3#1')).toMatchObject({
      from: 'Development',
      to: 'Production',
      outcome: 'blocked',
      failedGates: failed,
      actor: 'bo',
      reason: 'ship it',
    });
    const event = (await store.listAudit()).at(-1)!;
    expect(event).toMatchObject({
      type: 'model.promotion_blocked',
      subject: 'iris@3',
      data: { from: 'Development', to: 'Production', failedGates: failed },
    });
    // A second attempt gets the next sequence number: blocked attempts are history too.
    await transition(store, {
      modelName: 'iris',
      version: 3,
      to: 'Production',
      reason: 'again',
      actor: 'bo',
      now: at(21),
    });
    expect((await store.listRecords('stageTransitions')).map((t) => t.id)).toEqual(['iris@3#1', 'iris@3#2']);
  });

  it('compares with the current Production version for relative gates', async () => {
    const store = await threeVersions();
    await transition(store, {
      modelName: 'iris',
      version: 1,
      to: 'Production',
      reason: 'baseline',
      actor: ACTOR,
      now: at(20),
    });
    await setGates(store, {
      modelName: 'iris',
      gates: { ...DEFAULT_GATES, metrics: [{ metric: 'accuracy', maxRegression: 0 }] },
      actor: ACTOR,
      now: at(21),
    });
    const worse = await transition(store, {
      modelName: 'iris',
      version: 3,
      to: 'Production',
      reason: '',
      actor: ACTOR,
      now: at(22),
    });
    expect(worse.blocked && worse.failedGates[0].message).toBe(
      'accuracy is 0.8, 0.05 lower (worse) than Production version 1 (0.85); the gate allows at most 0. Keep the Production version, or train a model at least as good.',
    );
    const better = await transition(store, {
      modelName: 'iris',
      version: 2,
      to: 'Production',
      reason: '',
      actor: ACTOR,
      now: at(23),
    });
    expect(better.blocked).toBe(false);
    expect(await stages(store)).toEqual({ 'iris@1': 'Archived', 'iris@2': 'Production', 'iris@3': 'Development' });
  });

  it('does not check gates on stages the model does not gate', async () => {
    const store = await threeVersions();
    await setGates(store, {
      modelName: 'iris',
      gates: { ...DEFAULT_GATES, metrics: [{ metric: 'accuracy', min: 0.99 }], requireApproval: true },
      actor: ACTOR,
      now: at(19),
    });
    const staged = await transition(store, {
      modelName: 'iris',
      version: 3,
      to: 'Staging',
      reason: '',
      actor: ACTOR,
      now: at(20),
    });
    expect(staged.blocked).toBe(false);
  });

  it('requires an approver and a comment when the gates ask for approval, and records them', async () => {
    const store = await threeVersions();
    await setGates(store, {
      modelName: 'iris',
      gates: { ...DEFAULT_GATES, requireApproval: true },
      actor: ACTOR,
      now: at(19),
    });
    const none = await transition(store, {
      modelName: 'iris',
      version: 2,
      to: 'Production',
      reason: 'r',
      actor: ACTOR,
      now: at(20),
    });
    const noComment = await transition(store, {
      modelName: 'iris',
      version: 2,
      to: 'Production',
      reason: 'r',
      actor: ACTOR,
      now: at(21),
      approval: { approver: 'Dr. Lee', comment: '   ' },
    });
    expect([none.blocked, noComment.blocked]).toEqual([true, true]);
    if (noComment.blocked) expect(noComment.failedGates.map((g) => g.gate)).toEqual(['approval']);
    expect((await store.getRecord('stageTransitions', 'iris@2#2'))!.approval).toEqual({
      approver: 'Dr. Lee',
      comment: '',
    });

    const ok = await transition(store, {
      modelName: 'iris',
      version: 2,
      to: 'Production',
      reason: 'r',
      actor: ACTOR,
      now: at(22),
      approval: { approver: ' Dr. Lee ', comment: 'Reviewed the card.' },
    });
    expect(ok.blocked).toBe(false);
    expect(ok.transition.approval).toEqual({ approver: 'Dr. Lee', comment: 'Reviewed the card.' });
    expect((await store.listAudit()).at(-1)!.data).toMatchObject({
      approver: 'Dr. Lee',
      comment: 'Reviewed the card.',
    });
  });
});
