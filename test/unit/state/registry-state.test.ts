import { describe, expect, it, vi } from 'vitest';
import { LineageState } from '../../../src/state/lineage-state.svelte.ts';
import { RegistryState } from '../../../src/state/registry-state.svelte.ts';
import { testContext } from './fakes/test-context.ts';
import { saveVersion, trainRun } from './fakes/workspace-seed.ts';

async function setup() {
  const context = testContext();
  const version = await saveVersion(context);
  const run = await trainRun(context, version.id);
  const registry = new RegistryState(context);
  await registry.refresh();
  context.changes.log.length = 0;
  return { context, run, registry };
}

const NO_DETAILS = { description: '', tags: {} };

describe('RegistryState', () => {
  it('registers a run as version 1, notifies once, and shows the new model', async () => {
    const { context, run, registry } = await setup();
    const lineage = new LineageState(context);
    const listRecords = vi.spyOn(context.store, 'listRecords');

    const version = await registry.register(run, '  iris-species ', { description: 'first', tags: { team: 'a' } });
    expect(version?.id).toBe('iris-species@1');
    expect(registry.message).toBe(`Registered run "${run.name}" as version 1 of "iris-species".`);
    expect(context.changes.log).toEqual([['registry', 'audit']]);
    // The registration reads the registry to plan, then the view rereads it once.
    expect(listRecords.mock.calls.filter(([kind]) => kind === 'models')).toHaveLength(2);
    expect(registry.modelName).toBe('iris-species');
    expect(registry.versions.map((v) => [v.id, v.stage, v.description, v.tags])).toEqual([
      ['iris-species@1', 'Development', 'first', { team: 'a' }],
    ]);
    expect(lineage.graph.nodes.map((n) => n.kind).sort()).toEqual(['dataset', 'model', 'run']);
    const last = (await context.store.listAudit()).at(-1);
    expect([last?.type, last?.actor]).toEqual(['model.registered', 'ana']);
  });

  it('a refused registration exposes the reason, writes nothing and notifies nothing', async () => {
    const { context, run, registry } = await setup();
    await registry.register(run, 'iris-species', NO_DETAILS);
    context.changes.log.length = 0;
    const before = await context.store.listAudit();

    expect(await registry.register(run, 'iris-species', NO_DETAILS)).toBeNull();
    expect(registry.error).toBe(
      `Run "${run.name}" is already version 1 of "iris-species". Use that version, or register another run.`,
    );
    expect(context.changes.log).toEqual([]);
    expect(await context.store.listAudit()).toEqual(before);
    expect(registry.snapshot.versions).toHaveLength(1);
  });

  it('moves a version to Staging, and keeps a promotion the gates refuse as `blocked`', async () => {
    const { context, run, registry } = await setup();
    const version = (await registry.register(run, 'iris-species', NO_DETAILS))!;
    expect(await registry.move(version, 'Staging', { reason: 'ready for review' })).toBe(true);
    expect(registry.message).toBe('Moved version 1 of "iris-species" from Development to Staging.');

    const gates = { ...registry.model!.gates, requireApproval: true };
    expect(await registry.saveGates(gates)).toBe(true);
    expect(registry.model?.gates.requireApproval).toBe(true);

    const staged = registry.byId('iris-species@1')!;
    context.actAs('bo');
    expect(await registry.move(staged, 'Production', { reason: 'go live' })).toBe(false);
    expect(registry.blocked?.versionId).toBe('iris-species@1');
    expect(registry.blocked?.to).toBe('Production');
    expect(registry.blocked?.failedGates.length).toBeGreaterThan(0);
    expect(registry.error).toBeNull();
    expect(registry.byId('iris-species@1')?.stage).toBe('Staging');
    // The refused attempt is history too, under the actor who tried.
    const last = (await context.store.listAudit()).at(-1);
    expect([last?.type, last?.actor]).toEqual(['model.promotion_blocked', 'bo']);
    expect(registry.history.map((t) => t.to)).toEqual(['Staging', 'Production']);
  });

  it('saves aliases, details and the card text of a version', async () => {
    const { run, registry } = await setup();
    const version = (await registry.register(run, 'iris-species', NO_DETAILS))!;
    expect(await registry.saveAliases(version, ['champion'])).toBe(true);
    expect(registry.message).toBe('Version 1 now has aliases champion.');
    expect(await registry.saveDetails(version, 'five trees', { owner: 'ana' })).toBe(true);
    expect(await registry.saveCard(version, 'Teaching only.', 'Three species.')).toBe(true);
    const saved = registry.byId('iris-species@1')!;
    expect([saved.aliases, saved.description, saved.tags, saved.card.intendedUse, saved.card.limitations]).toEqual([
      ['champion'],
      'five trees',
      { owner: 'ana' },
      'Teaching only.',
      'Three species.',
    ]);
  });

  it('refuses a second action while one is running', async () => {
    const { run, registry } = await setup();
    const first = registry.register(run, 'iris-species', NO_DETAILS);
    expect(await registry.register(run, 'other', NO_DETAILS)).toBeNull();
    expect(registry.error).toBe('Another registry action is still running. Wait for it to finish, then try again.');
    expect((await first)?.id).toBe('iris-species@1');
  });

  it('picks, shows, ticks and time-travels, keeping picks valid', async () => {
    const { run, registry } = await setup();
    const version = (await registry.register(run, 'iris-species', NO_DETAILS))!;
    await registry.move(version, 'Staging', { reason: 'review' });
    registry.show('iris-species@1');
    registry.toggle('iris-species@1', true);
    expect([registry.shown?.id, registry.selected]).toEqual(['iris-species@1', ['iris-species@1']]);
    expect(registry.moments.length).toBeGreaterThan(1);
    registry.travel(0);
    expect(registry.moment).toBe(registry.moments[0]);
    expect(registry.versions.map((v) => v.stage)).toEqual(['Development']);
    registry.travel(registry.moments.length - 1);
    expect(registry.moment).toBeNull();
    registry.select('other');
    expect([registry.shownId, registry.selected, registry.versions]).toEqual([null, [], []]);
  });
});
