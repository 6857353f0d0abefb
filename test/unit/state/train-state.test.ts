import { describe, expect, it, vi } from 'vitest';
import { RunsState } from '../../../src/state/runs-state.svelte.ts';
import { TrainState } from '../../../src/state/train-state.svelte.ts';
import { testContext } from './fakes/test-context.ts';
import { forestSpec, saveVersion } from './fakes/workspace-seed.ts';

describe('TrainState', () => {
  it('trains through the trainer, stores the run, and the runs list rereads once', async () => {
    const context = testContext();
    const version = await saveVersion(context);
    const runs = new RunsState(context);
    const training = new TrainState(context);
    const listRuns = vi.spyOn(context.store, 'listRuns');
    context.changes.log.length = 0;

    const run = await training.start(forestSpec(version.id), { backend: 'auto' });
    expect(run?.status).toBe('completed');
    expect(run?.name).toBe('forest #1');
    expect(context.trainer.requests.map((r) => [r.runName, r.actor, r.runId])).toEqual([
      ['forest #1', 'ana', training.runId],
    ]);
    expect(training.running).toBe(false);
    expect(training.lastRun?.id).toBe(run?.id);
    expect(training.phase).toBeNull();
    expect(context.changes.log).toEqual([['runs', 'audit']]);
    // Once to name the run, once for the runs list after it ended.
    expect(listRuns).toHaveBeenCalledTimes(2);
    expect(runs.list.map((r) => [r.name, r.status])).toEqual([['forest #1', 'completed']]);
    const events = (await context.store.listAudit()).map((e) => e.type);
    expect(events.slice(-2)).toEqual(['run.started', 'run.completed']);
  });

  it('numbers runs after the stored ones and names a re-run after its original', async () => {
    const context = testContext();
    const version = await saveVersion(context);
    const training = new TrainState(context);
    const first = await training.start(forestSpec(version.id), { backend: 'auto' });
    const second = await training.start(forestSpec(version.id, 7), { backend: 'auto' });
    expect(second?.name).toBe('forest #2');
    const again = await training.rerun(first!);
    expect(again?.name).toBe('forest #1 re-run');
    expect(context.trainer.requests[2].rerunOf).toBe(first!.id);
    expect(again?.rerunOf).toEqual({ runId: first!.id, reproduced: true });
    expect(again?.outcome?.metrics).toEqual(first?.outcome?.metrics);
  });

  it('a run that fails in the trainer exposes the reason and shows the failed run it stored', async () => {
    const context = testContext();
    const version = await saveVersion(context);
    const training = new TrainState(context);
    const run = await training.start({ ...forestSpec(version.id), target: 'no_such_column' }, { backend: 'auto' });
    expect(run).toBeNull();
    expect(training.error).toMatch(/no_such_column/);
    expect(training.lastRun?.status).toBe('failed');
    expect((await context.store.listRuns()).map((r) => r.status)).toEqual(['failed']);
  });

  it('cancel stores the run as cancelled with the curve so far, once', async () => {
    const context = testContext({ held: true });
    const version = await saveVersion(context);
    const runs = new RunsState(context);
    const training = new TrainState(context);
    const started = training.start(forestSpec(version.id), { backend: 'auto' });
    await vi.waitFor(() => expect(training.curve).toHaveLength(1));
    expect(training.running).toBe(true);
    context.changes.log.length = 0;

    await training.cancel();
    expect(await started).toBeNull();
    expect(training.running).toBe(false);
    expect(training.lastRun?.status).toBe('cancelled');
    expect(training.lastRun?.curve).toEqual([{ step: 1, loss: 0.9, valLoss: null, accuracy: null, valAccuracy: null }]);
    expect(context.changes.log).toEqual([['runs', 'audit']]);
    expect(runs.list.map((r) => r.status)).toEqual(['cancelled']);
    const last = (await context.store.listAudit()).at(-1);
    expect([last?.type, last?.actor, last?.subject]).toEqual(['run.cancelled', 'ana', training.lastRun?.id]);
  });

  it('a store that cannot be read exposes the reason, starts nothing and frees the slot', async () => {
    const context = testContext();
    const version = await saveVersion(context);
    const training = new TrainState(context);
    const listRuns = context.store.listRuns.bind(context.store);
    context.store.listRuns = () => Promise.reject(new Error('The database connection was closed.'));
    expect(await training.start(forestSpec(version.id), { backend: 'auto' })).toBeNull();
    expect([training.error, training.running, context.trainer.requests]).toEqual([
      'The database connection was closed.',
      false,
      [],
    ]);
    context.store.listRuns = listRuns;
    expect((await training.start(forestSpec(version.id), { backend: 'auto' }))?.name).toBe('forest #1');
  });

  it('refuses a second run while one is training', async () => {
    const context = testContext({ held: true });
    const version = await saveVersion(context);
    const training = new TrainState(context);
    void training.start(forestSpec(version.id), { backend: 'auto' });
    expect(await training.start(forestSpec(version.id), { backend: 'auto' })).toBeNull();
    expect(training.error).toBe('A run is already training. Wait for it to finish or cancel it, then start another.');
    await vi.waitFor(() => expect(context.trainer.requests).toHaveLength(1));
    await training.cancel();
  });

  it('forgets the last run when the workspace is erased', async () => {
    const context = testContext();
    const version = await saveVersion(context);
    const training = new TrainState(context);
    await training.start(forestSpec(version.id), { backend: 'auto' });
    training.refuse('Choose a target.');
    await context.changes.notify('erased');
    expect(training.lastRun).toBeNull();
    expect(training.error).toBeNull();
  });
});
