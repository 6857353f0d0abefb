import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileWorkspaceStore } from '../../../src/adapters/folder-store/file-workspace-store.ts';
import { draft } from '../helpers/workspace-store-suite.ts';

// Item 10 of the hardening issue: a folder named journal.json used to give
// "Internal error: EISDIR". It is named, with what to do, and nothing is written.
const root = mkdtempSync(join(tmpdir(), 'workbench-fs-folder-file-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a folder where the workspace keeps a file', () => {
  it('journal.json as a folder: refused, naming the path and what to do', async () => {
    const dir = join(root, 'ws');
    await FileWorkspaceStore.open(dir);
    const store = new FileWorkspaceStore(dir);
    await store.appendAudit(draft('column.role_changed'));
    mkdirSync(join(dir, 'journal.json'));
    const error = await store.appendAudit(draft('column.role_changed')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'storage.corrupt' });
    expect((error as Error).message).toBe(
      `${join(dir, 'journal.json')} is a folder, but the workspace keeps a file there. Move that folder out of the workspace (the workbench did not make it), then run the command again.`,
    );
    rmSync(join(dir, 'journal.json'), { recursive: true });
    expect((await store.listAudit()).map((e) => e.seq)).toEqual([1]);
  }, 60_000);
});
