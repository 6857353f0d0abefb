import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileWorkspaceStore } from '../../../src/adapters/folder-store/file-workspace-store.ts';
import type { JournalHooks } from '../../../src/adapters/folder-store/journal.ts';
import { verifyChain } from '../../../src/core/audit/verify-chain.ts';
import { draft, sampleRun } from '../helpers/workspace-store-suite.ts';

const root = mkdtempSync(join(tmpdir(), 'workbench-fs-journal-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `ws-${++n}`);

class Crash extends Error {}
const crash = () => {
  throw new Crash('simulated crash');
};

/** A workspace with one event, and a store on it that "crashes" where `hooks` say. */
async function crashingWorkspace(hooks: JournalHooks) {
  const dir = freshDir();
  const before = await (await FileWorkspaceStore.open(dir)).appendAudit(draft('dataset.version_saved'));
  return { dir, before, crashing: new FileWorkspaceStore(dir, { hooks }) };
}

describe('journal recovery', () => {
  it('applies a complete journal left by a crash before any file changed', async () => {
    const { dir, before, crashing } = await crashingWorkspace({ afterJournal: crash });
    const run = sampleRun('run-1', '2026-01-01T00:00:00.000Z');
    await expect(
      crashing.saveRun(run, [{ hash: 'c'.repeat(64), bytes: new Uint8Array([7]) }], draft('run.completed', run.id)),
    ).rejects.toMatchObject({
      code: 'storage.incomplete',
    });
    // On disk: the journal, and nothing of the change applied yet.
    expect(existsSync(join(dir, 'journal.json'))).toBe(true);
    expect(existsSync(join(dir, 'records', 'runs'))).toBe(false);

    const reopened = new FileWorkspaceStore(dir);
    expect(await reopened.ready()).toBe('applied');
    expect(await reopened.getRun(run.id)).toEqual(run);
    expect(await reopened.getBlob('c'.repeat(64))).toEqual(new Uint8Array([7]));
    const audit = await reopened.listAudit();
    expect(audit.map((e) => e.type)).toEqual(['dataset.version_saved', 'run.completed']);
    expect(audit[1].prevHash).toBe(before.hash);
    expect(verifyChain(audit)).toMatchObject({ ok: true, count: 2 });
    expect(existsSync(join(dir, 'journal.json'))).toBe(false);
  });

  it('finishes a change a crash interrupted half-way, without appending its event twice', async () => {
    // Ops of an appendAudit: 0 = append the line, 1 = write audit-head.json; crash after the append.
    const { dir, crashing } = await crashingWorkspace({ afterOp: (i) => (i === 0 ? crash() : undefined) });
    await expect(crashing.appendAudit(draft('column.type_overridden'))).rejects.toMatchObject({
      code: 'storage.incomplete',
    });
    const reopened = new FileWorkspaceStore(dir);
    expect(await reopened.ready()).toBe('applied');
    const audit = await reopened.listAudit();
    expect(audit.map((e) => e.type)).toEqual(['dataset.version_saved', 'column.type_overridden']);
    expect(JSON.parse(readFileSync(join(dir, 'audit-head.json'), 'utf8'))).toEqual({ seq: 2, hash: audit[1].hash });
    // The next write chains on as usual.
    expect((await reopened.appendAudit(draft('column.role_changed'))).seq).toBe(3);
  });

  it('discards a truncated journal and keeps the previous state valid', async () => {
    const { dir, before, crashing } = await crashingWorkspace({ afterJournal: crash });
    await expect(crashing.appendAudit(draft('model.updated', 'lost-event'))).rejects.toThrow();
    const journal = readFileSync(join(dir, 'journal.json'));
    writeFileSync(join(dir, 'journal.json'), journal.subarray(0, journal.byteLength - 20));
    const reopened = new FileWorkspaceStore(dir);
    expect(await reopened.ready()).toBe('discarded');
    expect(await reopened.listAudit()).toEqual([before]);
    expect(existsSync(join(dir, 'journal.json'))).toBe(false);
  });

  it('discards a journal whose content no longer matches its checksum', async () => {
    const { dir, before, crashing } = await crashingWorkspace({ afterJournal: crash });
    await expect(crashing.appendAudit(draft('model.updated', 'lost-event'))).rejects.toThrow();
    const journal = readFileSync(join(dir, 'journal.json'), 'utf8');
    writeFileSync(join(dir, 'journal.json'), journal.replace('lost-event', 'LOST-event'));
    expect(await new FileWorkspaceStore(dir).ready()).toBe('discarded');
    expect(await new FileWorkspaceStore(dir).listAudit()).toEqual([before]);
  });

  it('sweeps the temporary files an interrupted write left', async () => {
    const dir = freshDir();
    await FileWorkspaceStore.open(dir);
    writeFileSync(join(dir, 'journal.json.123.1.tmp'), '{"form');
    writeFileSync(join(dir, 'audit-head.json.123.2.tmp'), '');
    expect(await new FileWorkspaceStore(dir).ready()).toBe('none');
    expect(readdirSync(dir)).toEqual(['workspace.json']);
  });
});
