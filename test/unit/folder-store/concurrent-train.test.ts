import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileWorkspaceStore } from '../../../src/adapters/folder-store/file-workspace-store.ts';
import { verifyWorkspace } from '../../../src/adapters/folder-store/verify-workspace.ts';
import { root } from '../cli/run-workbench.ts';

// Item 6 of the hardening issue: concurrent `train --register` into one
// workspace used to fail some processes after their run was stored
// ("changed elsewhere… run the command again") and repeat run names. Now
// each process re-plans its registration itself and numbers its run under
// the lock.
const dir = mkdtempSync(join(tmpdir(), 'workbench-concurrent-train-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const IRIS = join(root, 'public/samples/iris.csv');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function train(ws: string, model: string, seed: number): Promise<Result> {
  const args = ['train', IRIS, '--target', 'species', '--model', model, '--seed', String(seed)];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'bin/workbench.js'), ...args, '--workspace', ws, '--register', 'iris', '--json'],
      { cwd: root, maxBuffer: 64 << 20 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

describe('four processes training and registering into one workspace at once', () => {
  it('all succeed, with unique run names, versions 1 to 4, and a workspace that verifies', async () => {
    const ws = join(dir, 'ws');
    const kinds = ['forest', 'forest', 'logistic', 'forest'];
    const results = await Promise.all(kinds.map((kind, i) => train(ws, kind, i + 1)));
    for (const result of results) expect(result.stderr).toBe('');
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);

    const reports = results.map((r) => JSON.parse(r.stdout) as { runId: string; modelVersion: { version: number } });
    expect(reports.map((r) => r.modelVersion.version).sort()).toEqual([1, 2, 3, 4]);
    const store = await FileWorkspaceStore.open(ws, { create: false });
    const runs = await store.listRuns();
    expect(runs.map((r) => r.id).sort()).toEqual(reports.map((r) => r.runId).sort());
    const names = runs.map((r) => r.name);
    expect(new Set(names).size).toBe(4);
    expect(names.map((name) => Number(name.split('#')[1])).sort()).toEqual([1, 2, 3, 4]);
    expect((await store.listRecords('modelVersions')).map((v) => v.id).sort()).toEqual([
      'iris@1',
      'iris@2',
      'iris@3',
      'iris@4',
    ]);
    const verification = await verifyWorkspace(store);
    expect(verification.problems).toEqual([]);
    // One dataset version, and per process run.started, run.completed and model.registered.
    expect(verification.events).toBe(13);
  }, 600_000);
});
