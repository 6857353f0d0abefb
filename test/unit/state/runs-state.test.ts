import { describe, expect, it } from 'vitest';
import { RunsState } from '../../../src/state/runs-state.svelte.ts';
import { TrainState } from '../../../src/state/train-state.svelte.ts';
import { testContext } from './fakes/test-context.ts';
import { forestSpec, saveVersion } from './fakes/workspace-seed.ts';

async function twoRuns() {
  const context = testContext();
  const version = await saveVersion(context);
  const runs = new RunsState(context);
  const training = new TrainState(context);
  const first = (await training.start(forestSpec(version.id, 1), { backend: 'auto' }))!;
  const second = (await training.start(forestSpec(version.id, 2), { backend: 'auto' }))!;
  return { context, runs, first, second };
}

describe('RunsState', () => {
  it('shows stored runs as they end, and compares two ticked runs', async () => {
    const { runs, first, second } = await twoRuns();
    expect(runs.loaded).toBe(true);
    expect(runs.list.map((r) => r.name).sort()).toEqual(['forest #1', 'forest #2']);
    runs.toggle(first.id, true);
    runs.compare();
    expect(runs.error).toBe('Tick two or more runs to compare them.');
    runs.toggle(second.id, true);
    runs.compare();
    expect(runs.error).toBeNull();
    expect(runs.comparedRuns.map((r) => r.id)).toEqual([first.id, second.id]);
    runs.show(second.id);
    expect(runs.shown?.name).toBe('forest #2');
  });

  it('sorts by a column, best first, and flips on a second click', async () => {
    const { runs } = await twoRuns();
    runs.sortBy('name');
    expect([runs.sortDirection, runs.sorted.map((r) => r.name)]).toEqual(['asc', ['forest #1', 'forest #2']]);
    runs.sortBy('name');
    expect([runs.sortDirection, runs.sorted.map((r) => r.name)]).toEqual(['desc', ['forest #2', 'forest #1']]);
  });

  it('forgets picks of runs that are gone after an erase', async () => {
    const { context, runs, first, second } = await twoRuns();
    runs.toggle(first.id, true);
    runs.toggle(second.id, true);
    runs.compare();
    runs.show(first.id);
    await context.store.eraseAll({
      at: context.now(),
      actor: 'ana',
      type: 'workspace.erased',
      subject: 'workspace',
      data: {},
    });
    await context.changes.notify('erased');
    expect([runs.list, runs.selected, runs.compared, runs.shownId]).toEqual([[], [], [], null]);
  });

  it('exposes a failed reread as an error and keeps the list it had', async () => {
    const { context, runs } = await twoRuns();
    context.store.listRuns = () => Promise.reject(new Error('The database connection was closed.'));
    await runs.refresh();
    expect(runs.error).toBe('The database connection was closed.');
    expect(runs.list).toHaveLength(2);
  });
});
