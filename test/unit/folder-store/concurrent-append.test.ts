import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FileWorkspaceStore } from '../../../src/adapters/folder-store/file-workspace-store.ts';
import { verifyChain } from '../../../src/core/audit/verify-chain.ts';
import { draft } from '../helpers/workspace-store-suite.ts';

const root = mkdtempSync(join(tmpdir(), 'workbench-fs-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const child = fileURLToPath(new URL('./append-child.ts', import.meta.url));
const repo = fileURLToPath(new URL('../../../', import.meta.url));

function appendFromChild(dir: string, label: string, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', child, dir, label, String(count)],
      { cwd: repo },
      (error, _stdout, stderr) =>
        error ? reject(new Error(`${label} failed: ${stderr || error.message}`)) : resolve(),
    );
  });
}

describe('two processes on one workspace', () => {
  it('append 50 events each into one valid chain of 100, each process’s events in its own order', async () => {
    const dir = join(root, 'shared');
    await FileWorkspaceStore.open(dir);
    await Promise.all([appendFromChild(dir, 'a', 50), appendFromChild(dir, 'b', 50)]);
    const audit = await new FileWorkspaceStore(dir).listAudit();
    expect(verifyChain(audit)).toMatchObject({ ok: true, count: 100 });
    for (const label of ['a', 'b']) {
      expect(audit.filter((e) => e.actor === label).map((e) => e.subject)).toEqual(
        Array.from({ length: 50 }, (_, i) => `${label}${i}`),
      );
    }
  }, 60_000);
});

describe('the workspace lock', () => {
  it('breaks a lock left by a process that is gone', async () => {
    const dir = join(root, 'stale');
    const store = await FileWorkspaceStore.open(dir);
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(join(dir, 'lock'), JSON.stringify({ pid: dead, host: hostname(), at: '2020-01-01T00:00:00.000Z' }));
    const event = await store.appendAudit(draft('model.updated'));
    expect(event.seq).toBe(1);
  });

  it('waits for a live holder and says who holds it when it does not let go', async () => {
    const dir = join(root, 'held');
    const store = await FileWorkspaceStore.open(dir, { lockTimeoutMs: 200 });
    writeFileSync(
      join(dir, 'lock'),
      JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() }),
    );
    await expect(store.appendAudit(draft('model.updated'))).rejects.toMatchObject({
      code: 'storage.locked',
      message: expect.stringContaining(`process ${process.pid}`),
    });
    rmSync(join(dir, 'lock'));
    expect(await store.listAudit()).toEqual([]);
  });
});
