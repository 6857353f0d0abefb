import { describe, expect, it } from 'vitest';
import { MemoryWorkspaceStore } from '../../../src/adapters/memory-store/memory-workspace-store.ts';
import { ActorState, LOCAL_ACTOR } from '../../../src/state/actor-state.svelte.ts';
import { WorkspaceChanges } from '../../../src/state/workspace-changes.ts';

function setup() {
  const store = new MemoryWorkspaceStore();
  const changes = new WorkspaceChanges();
  return { store, changes, actor: new ActorState({ store, changes }) };
}

describe('ActorState', () => {
  it('is local-user until a name is saved, and reads the saved name back in a new page', async () => {
    const { store, changes, actor } = setup();
    await actor.load();
    expect([actor.name, actor.loaded]).toEqual([LOCAL_ACTOR, true]);
    expect(await actor.save('  Ana Lopez ')).toBe(true);
    expect(actor.name).toBe('Ana Lopez');
    const reloaded = new ActorState({ store, changes });
    await reloaded.load();
    expect(reloaded.name).toBe('Ana Lopez');
  });

  it('refuses an empty or overlong name with what to do, and keeps the old one', async () => {
    const { store, actor } = setup();
    await actor.save('ana');
    expect(await actor.save('   ')).toBe(false);
    expect(actor.error).toBe(
      'Your name cannot be empty: the audit log records who did each action. Enter a name or initials.',
    );
    expect(await actor.save('x'.repeat(65))).toBe(false);
    expect(actor.error).toBe('That name is 65 characters long. Use at most 64.');
    expect([actor.name, await store.getSetting('actor')]).toEqual(['ana', 'ana']);
  });

  it('shares one read between concurrent loads, and forgets the name when the workspace is erased', async () => {
    const { store, changes, actor } = setup();
    await store.setSetting('actor', 'bo');
    let reads = 0;
    const getSetting = store.getSetting.bind(store);
    store.getSetting = (key) => (reads++, getSetting(key));
    await Promise.all([actor.load(), actor.load()]);
    expect([actor.name, reads]).toEqual(['bo', 1]);
    await changes.notify('erased');
    expect(actor.name).toBe(LOCAL_ACTOR);
  });
});
