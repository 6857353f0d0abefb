import { describe, expect, it } from 'vitest';
import { ActorState } from '../../../src/state/actor-state.svelte.ts';
import { AuditState } from '../../../src/state/audit-state.svelte.ts';
import { DataState } from '../../../src/state/data-state.svelte.ts';
import { StorageState } from '../../../src/state/storage-state.svelte.ts';
import { VersionsState } from '../../../src/state/versions-state.svelte.ts';
import { testContext } from './fakes/test-context.ts';
import { saveVersion } from './fakes/workspace-seed.ts';

describe('StorageState', () => {
  it('rereads the figures after a change to the workspace', async () => {
    const context = testContext();
    const storage = new StorageState(context);
    await storage.refresh();
    expect(storage.info).toEqual({ usageBytes: 1000, quotaBytes: 10_000_000, persisted: false });
    context.quotaInfo = { ...context.quotaInfo, usageBytes: 5000 };
    await saveVersion(context);
    expect(storage.info?.usageBytes).toBe(5000);
  });

  it('says whether the browser granted persistence', async () => {
    const context = testContext();
    const storage = new StorageState(context);
    await storage.makePersistent();
    expect(storage.message).toMatch(/^The browser declined persistent storage\./);
    context.persistAnswers.push(true);
    context.quotaInfo = { ...context.quotaInfo, persisted: true };
    await storage.makePersistent();
    expect(storage.message).toBe('Storage is now persistent: the browser will not evict this workspace to free space.');
    expect(storage.info?.persisted).toBe(true);
  });

  it('erases everything: the log restarts with the erase, and every view forgets what it held', async () => {
    const context = testContext();
    const actor = new ActorState(context);
    const data = new DataState(context);
    const versions = new VersionsState(context);
    const audit = new AuditState(context);
    const storage = new StorageState(context);
    await actor.save('bo');
    context.actAs(actor.name);
    await saveVersion(context);
    await data.openVersion(versions.list[0].id);

    expect(await storage.eraseAll()).toBe(true);
    expect(context.changes.log.at(-1)).toEqual(['erased']);
    expect(audit.events.map((e) => [e.seq, e.type, e.actor])).toEqual([[1, 'workspace.erased', 'bo']]);
    expect([versions.list, data.loaded, actor.name, storage.erasing]).toEqual([[], null, 'local-user', false]);
  });

  it('says afterwards what it removed and how much storage the browser still reports in use', async () => {
    const context = testContext();
    const storage = new StorageState(context);
    await saveVersion(context);
    context.quotaInfo = { ...context.quotaInfo, usageBytes: 7.8 * 1024 * 1024 };
    expect(await storage.eraseAll()).toBe(true);
    expect(storage.message).toMatch(
      /^Erased 1 dataset version, 0 runs, 0 registered models and 1 audit event\. The browser still reports 7\.8 MiB in use: it frees deleted IndexedDB space when it compacts/,
    );
  });

  it('a failed erase exposes the reason and leaves the workspace as it was', async () => {
    const context = testContext();
    const versions = new VersionsState(context);
    const storage = new StorageState(context);
    await saveVersion(context);
    context.store.eraseAll = () =>
      Promise.reject(new Error('The database is blocked by another tab. Close it and try again.'));
    expect(await storage.eraseAll()).toBe(false);
    expect(storage.error).toBe('The database is blocked by another tab. Close it and try again.');
    expect(context.changes.log.at(-1)).not.toEqual(['erased']);
    expect(versions.list).toHaveLength(1);
  });
});
