import { describe, expect, it } from 'vitest';
import { LessonState } from '../../../src/state/lesson-state.svelte.ts';
import type { ModelKind } from '../../../src/core/train/pipeline-spec.ts';
import { testContext } from '../state/fakes/test-context.ts';
import { saveVersion, trainRun } from '../state/fakes/workspace-seed.ts';

function lessonsOver(context: ReturnType<typeof testContext>) {
  const locked: ModelKind[] = [];
  return { state: new LessonState(context, { lockModelKind: (kind) => locked.push(kind) }), locked };
}

describe('LessonState', () => {
  it('ticks steps as the workspace grows and restores progress in a new page', async () => {
    const context = testContext();
    const { state } = lessonsOver(context);
    await state.load();
    await state.open('metrics');
    expect(state.active?.id).toBe('metrics');
    expect(state.steps(state.active!)).toEqual([
      { id: 'version', done: false },
      { id: 'train', done: false },
    ]);
    const version = await saveVersion(context);
    expect(state.steps(state.active!).map((s) => s.done)).toEqual([true, false]);
    await trainRun(context, version.id);
    expect(state.steps(state.active!).map((s) => s.done)).toEqual([true, true]);

    const reloaded = lessonsOver(testContext({ store: context.store })).state;
    await reloaded.load();
    expect(reloaded.active?.id).toBe('metrics');
    expect(reloaded.progress.done.metrics).toEqual(['version', 'train']);
    expect(reloaded.progress.done.lifecycle).toEqual(['version', 'train']);
  }, 60_000);

  it('applies the teacher lock of the lesson on show only, and keeps it after a reload', async () => {
    const context = testContext();
    const { state, locked } = lessonsOver(context);
    await state.load();
    expect(await state.saveSetting('lifecycle', { hidden: ['train-params'], locks: { modelKind: 'logistic' } })).toBe(
      true,
    );
    expect([state.lockedModelKind, state.hides('train-params')]).toEqual([null, false]);
    await state.open('lifecycle');
    expect([state.lockedModelKind, state.hides('train-params'), state.hides('train-split')]).toEqual([
      'logistic',
      true,
      false,
    ]);
    expect(locked).toEqual(['logistic']);

    const again = lessonsOver(testContext({ store: context.store }));
    await again.state.load();
    expect(again.state.lockedModelKind).toBe('logistic');
    expect(again.locked).toEqual(['logistic']);
  });
});
