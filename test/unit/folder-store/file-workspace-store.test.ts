import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileWorkspaceStore } from '../../../src/adapters/folder-store/file-workspace-store.ts';
import type { AuditDraft, AuditEvent } from '../../../src/core/audit/audit-event.ts';
import { sealEvent } from '../../../src/core/audit/chain.ts';
import { verifyChain } from '../../../src/core/audit/verify-chain.ts';
import { verifyWorkspace } from '../../../src/adapters/folder-store/verify-workspace.ts';
import { sha256Hex } from '../../../src/core/hash/sha256.ts';
import { DEFAULT_GATES } from '../../../src/core/registry/registry-types.ts';

const sampleModel = (name: string) => ({
  name,
  createdAt: '2026-01-01T00:00:00.000Z',
  description: '',
  gates: DEFAULT_GATES,
  latestVersion: 1,
});
import { describeWorkspaceStore, draft, sampleRun } from '../helpers/workspace-store-suite.ts';
import { sampleVersion } from '../helpers/sample-version.ts';

const root = mkdtempSync(join(tmpdir(), 'workbench-fs-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `ws-${++n}`);

describeWorkspaceStore('FileWorkspaceStore', async () => {
  const dir = freshDir();
  return { store: new FileWorkspaceStore(dir), peer: new FileWorkspaceStore(dir) };
});

describe('FileWorkspaceStore on disk', () => {
  it('lays out records, blobs, the audit log and the format file as documented', async () => {
    const dir = freshDir();
    const store = await FileWorkspaceStore.open(dir);
    const { version, bytes } = sampleVersion();
    await store.saveDatasetVersion(version, bytes, draft('dataset.version_saved', version.id));
    await store.saveRun(sampleRun('run-1', '2026-01-01T00:00:00.000Z'), [], draft('run.completed', 'run-1'));
    expect(JSON.parse(readFileSync(join(dir, 'workspace.json'), 'utf8'))).toEqual({
      format: 'mlops-workbench-workspace',
      version: 1,
    });
    expect(readFileSync(join(dir, 'blobs', version.id))).toEqual(Buffer.from(bytes));
    expect(readdirSync(join(dir, 'records', 'datasetVersions'))).toEqual([`${version.id}.json`]);
    expect(readdirSync(join(dir, 'records', 'runs'))).toEqual(['run-1.json']);
    const lines = readFileSync(join(dir, 'audit.jsonl'), 'utf8').split('\n');
    expect(lines).toHaveLength(3); // two events and the final newline
    expect(JSON.parse(readFileSync(join(dir, 'audit-head.json'), 'utf8'))).toEqual({
      seq: 2,
      hash: JSON.parse(lines[1]).hash,
    });
    // Nothing is left over from the writes: no journal, no lock, no temporary files.
    expect(readdirSync(dir).sort()).toEqual(['audit-head.json', 'audit.jsonl', 'blobs', 'records', 'workspace.json']);
  });

  it('reads back a record written by another handle, with model names that differ only in case kept apart', async () => {
    const dir = freshDir();
    const a = new FileWorkspaceStore(dir);
    const model = (name: string) => ({
      name,
      createdAt: '2026-01-01T00:00:00.000Z',
      description: '',
      gates: {
        stages: [],
        metrics: [],
        requireQualityChecks: false,
        requireSignatureMatch: false,
        requireApproval: false,
      },
      latestVersion: 1,
    });
    await a.commit(
      {
        puts: [
          { kind: 'models', value: model('Churn') },
          { kind: 'models', value: model('churn') },
          { kind: 'models', value: model('../évasion') },
        ],
      },
      draft('model.registered'),
    );
    const b = new FileWorkspaceStore(dir);
    expect((await b.listRecords('models')).map((m) => m.name)).toEqual(['../évasion', 'Churn', 'churn']);
    expect(await b.getRecord('models', '../évasion')).toEqual(model('../évasion'));
    expect(readdirSync(join(dir, 'records', 'models')).sort()).toEqual([
      '%2E.%2F%C3%A9vasion.json',
      '%43hurn.json',
      'churn.json',
    ]);
  });

  it('refuses a folder that holds other files, and a missing one when asked not to create', async () => {
    const dir = freshDir();
    await expect(FileWorkspaceStore.open(dir, { create: false })).rejects.toMatchObject({
      code: 'storage.no_workspace',
    });
    const other = freshDir();
    await FileWorkspaceStore.open(other); // creates it
    writeFileSync(join(other, 'workspace.json'), JSON.stringify({ format: 'mlops-workbench-workspace', version: 99 }));
    await expect(FileWorkspaceStore.open(other)).rejects.toMatchObject({ code: 'storage.newer_format' });
    const project = freshDir();
    await FileWorkspaceStore.open(project);
    rmSync(join(project, 'workspace.json'));
    writeFileSync(join(project, 'README.md'), 'mine');
    await expect(FileWorkspaceStore.open(project)).rejects.toMatchObject({ code: 'storage.not_a_workspace' });
  });

  it('keeps appending one chain across reopenings', async () => {
    const dir = freshDir();
    for (let i = 0; i < 3; i++) await new FileWorkspaceStore(dir).appendAudit(draft('model.updated', `s${i}`));
    const audit = await new FileWorkspaceStore(dir).listAudit();
    expect(audit.map((e) => e.subject)).toEqual(['s0', 's1', 's2']);
    expect(verifyChain(audit)).toMatchObject({ ok: true, count: 3 });
  });

  it('verifies a workspace written before record binding, its records unbound until the next write adopts them', async () => {
    const dir = freshDir();
    const store = await FileWorkspaceStore.open(dir);
    const bytes = new Uint8Array([4, 5, 6]);
    const run = sampleRun('run-1', '2026-01-01T00:00:00.000Z');
    await store.saveRun(run, [{ hash: await sha256Hex(bytes), bytes }], draft('run.cancelled', 'run-1'));
    const model = { ...sampleModel('m'), createdAt: run.startedAt };
    await store.commit({ puts: [{ kind: 'models', value: model }] }, draft('model.registered', 'm'));
    // Rewrite the log as an earlier version wrote it: the same events, without bindings.
    const legacy: AuditEvent[] = [];
    for (const { at, actor, type, subject, data } of await store.listAudit())
      legacy.push(sealEvent(legacy.at(-1) ?? null, { at, actor, type, subject, data } as AuditDraft));
    writeFileSync(join(dir, 'audit.jsonl'), legacy.map((e) => `${JSON.stringify(e)}\n`).join(''));
    writeFileSync(join(dir, 'audit-head.json'), JSON.stringify({ seq: 2, hash: legacy[1].hash }));

    const before = await verifyWorkspace(store);
    expect(before.problems).toEqual([]);
    expect(before).toMatchObject({ ok: true, events: 2, boundRecords: 0, unboundRecords: 3 });
    await store.appendAudit(draft('column.role_changed'));
    const audit = await store.listAudit();
    expect(audit.map((e) => e.type)).toEqual([
      'run.cancelled',
      'model.registered',
      'audit.records_adopted',
      'column.role_changed',
    ]);
    expect(audit[2].data).toMatchObject({ records: 3 });
    expect(await verifyWorkspace(store)).toMatchObject({ ok: true, events: 4, boundRecords: 3, unboundRecords: 0 });
  });
});
