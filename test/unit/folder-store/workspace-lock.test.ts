import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileWorkspaceStore } from '../../../src/adapters/folder-store/file-workspace-store.ts';
import { draft } from '../helpers/workspace-store-suite.ts';

// Item 5 of the hardening issue: a lock that cannot be removed used to spin
// at 100% CPU forever. Every wait now ends at its deadline with a message
// that names the lock and what to do.
const root = mkdtempSync(join(tmpdir(), 'workbench-fs-lock-deadline-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

/** A workspace, and a store on it that waits at most 300 ms for the lock. */
async function workspace(): Promise<{ dir: string; store: FileWorkspaceStore }> {
  const dir = join(root, `ws-${++n}`);
  await FileWorkspaceStore.open(dir);
  return { dir, store: new FileWorkspaceStore(dir, { lockTimeoutMs: 300 }) };
}

const anHourAgo = () => new Date(Date.now() - 3_600_000);

describe('a workspace lock that cannot be taken', () => {
  it('a fresh folder named lock: gives up at the deadline, naming the lock and what to do', async () => {
    const { dir, store } = await workspace();
    mkdirSync(join(dir, 'lock'));
    const error = await store.appendAudit(draft('column.role_changed')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'storage.locked' });
    expect((error as Error).message).toContain(`if none is running, remove ${join(dir, 'lock')} and try again`);
  }, 30_000);

  it('an old folder named lock, which cannot be unlinked: gives up at the deadline saying why', async () => {
    const { dir, store } = await workspace();
    mkdirSync(join(dir, 'lock'));
    utimesSync(join(dir, 'lock'), anHourAgo(), anHourAgo());
    const error = await store.appendAudit(draft('column.role_changed')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'storage.locked' });
    expect((error as Error).message).toBe(
      `The workspace ${dir} is locked by ${join(dir, 'lock')}, which no running workbench process holds, and it could not be removed (it is a folder, not a lock file). Remove ${join(dir, 'lock')} yourself if no other workbench process is running, then try again.`,
    );
    // Once it is gone the store works again, with nothing written meanwhile.
    rmSync(join(dir, 'lock'), { recursive: true });
    expect((await store.appendAudit(draft('column.role_changed'))).seq).toBe(1);
  }, 30_000);

  it('a dead process’s lock with a break file that cannot be removed: gives up at the deadline', async () => {
    const { dir, store } = await workspace();
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(join(dir, 'lock'), JSON.stringify({ pid: dead, host: hostname(), at: anHourAgo().toISOString() }));
    mkdirSync(join(dir, 'lock.break'));
    utimesSync(join(dir, 'lock.break'), anHourAgo(), anHourAgo());
    const error = await store.appendAudit(draft('column.role_changed')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'storage.locked' });
    expect((error as Error).message).toContain(`${join(dir, 'lock.break')} is left from an earlier attempt`);
    expect((error as Error).message).toContain(`Remove ${join(dir, 'lock')} yourself`);
  }, 30_000);

  it('opening the workspace waits with the same deadline', async () => {
    const { dir } = await workspace();
    mkdirSync(join(dir, 'lock'));
    utimesSync(join(dir, 'lock'), anHourAgo(), anHourAgo());
    await expect(FileWorkspaceStore.open(dir, { lockTimeoutMs: 300 })).rejects.toMatchObject({
      code: 'storage.locked',
    });
  }, 30_000);
});
