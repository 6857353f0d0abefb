import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileWorkspaceStore } from '../../../src/adapters/folder-store/file-workspace-store.ts';
import { verifyWorkspace } from '../../../src/adapters/folder-store/verify-workspace.ts';
import { root, workbenchInProcess } from '../cli/run-workbench.ts';

// A CLI write stopped at every file-changing step (write-steps.ts) leaves a
// workspace that verifies, and the next command works and leaves it
// verifying too. The write is `train --register` into a new folder: it
// creates the workspace, saves the dataset version (a blob), numbers the
// run (settings), appends run.started, stores the run (a blob) and
// registers the model — every kind of change the folder store makes.
//
// Every step is checked on the folder exactly as a kill there leaves it (a
// copy taken at that step; one child run), and a sample of steps with a
// real SIGKILL of the CLI process (a child each: slow, so a sample).
const dir = mkdtempSync(join(tmpdir(), 'workbench-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const child = fileURLToPath(new URL('./kill-child.ts', import.meta.url));
const IRIS = join(root, 'public/samples/iris.csv');
const command = (ws: string) => [
  'train',
  IRIS,
  '--target',
  'species',
  '--model',
  'logistic',
  '--workspace',
  ws,
  '--register',
  'm',
];

interface Report {
  code: number;
  steps: string[];
  stderr: string;
}

/** Runs the command in a watching child (see kill-child.ts); resolves to the signal that ended it, if any. */
function runChild(mode: 'kill' | 'snapshot', arg: string, ws: string, report: string): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', child, mode, arg, report, ...command(ws)],
      { cwd: root },
      (error, _stdout, stderr) => {
        if (error && error.signal !== 'SIGKILL') reject(new Error(`the child failed: ${stderr || error.message}`));
        else resolve(error?.signal ?? null);
      },
    );
  });
}

/** What verification finds wrong; nothing when the stop came before the folder became a workspace. */
async function problemsOf(ws: string): Promise<unknown[]> {
  if (!existsSync(join(ws, 'workspace.json'))) return [];
  return (await verifyWorkspace(await FileWorkspaceStore.open(ws, { create: false }))).problems;
}

/** The workspace left at a step, checked: verify, run the command again, verify. */
async function check(step: number, what: string, ws: string) {
  const after = await problemsOf(ws);
  const next = await workbenchInProcess(...command(ws));
  const versions = next.code === 0 ? (await FileWorkspaceStore.open(ws)).listRecords('modelVersions') : [];
  return {
    step,
    what,
    after,
    next: next.code,
    nextError: next.stderr,
    then: await problemsOf(ws),
    versions: (await versions).length > 0,
  };
}
const fine = (step: number, what: string) => ({
  step,
  what,
  after: [],
  next: 0,
  nextError: '',
  then: [],
  versions: true,
});

let steps: string[] = [];

beforeAll(async () => {
  const snapshots = join(dir, 'snapshots');
  mkdirSync(snapshots);
  expect(await runChild('snapshot', snapshots, join(dir, 'full'), join(dir, 'full.json'))).toBeNull();
  const report = JSON.parse(readFileSync(join(dir, 'full.json'), 'utf8')) as Report;
  expect(report.stderr).toBe('');
  expect(report.code).toBe(0);
  steps = report.steps;
}, 600_000);

describe('a CLI write stopped at every file-changing step', () => {
  it('takes every kind of step: lock, temporary file, rename, append, journal, blob', () => {
    const kinds = new Set(steps.map((s) => s.split(' ')[0]));
    expect([...kinds].sort()).toEqual(['append', 'create', 'remove', 'rename', 'write']);
    expect(steps.filter((s) => /\/blobs\/[0-9a-f]{64}$/.test(s))).toHaveLength(2);
    expect(steps.length).toBeGreaterThan(60);
  });

  it('leaves, at every step, a workspace that verifies, and the next command works', async () => {
    expect(await problemsOf(join(dir, 'full'))).toEqual([]);
    const outcomes = [];
    for (const [i, what] of steps.entries())
      outcomes.push(await check(i + 1, what, join(dir, 'snapshots', String(i + 1))));
    expect(outcomes).toEqual(steps.map((what, i) => fine(i + 1, what)));
  }, 600_000);

  it('does the same when the CLI process is really killed (SIGKILL) at a sample of steps', async () => {
    // The first lock, the first staged blob, a journal commit point, an append to the log, and the last step.
    const sample = [
      1,
      steps.findIndex((s) => s.includes('/blobs/')) + 1,
      steps.findIndex((s) => s.endsWith('/journal.json')) + 1,
      steps.findIndex((s) => s.startsWith('append')) + 1,
      steps.length,
    ];
    const outcomes = await Promise.all(
      sample.map(async (step) => {
        const ws = join(dir, `killed-${step}`);
        const signal = await runChild('kill', String(step), ws, join(dir, `killed-${step}.json`));
        return { signal, ...(await check(step, steps[step - 1], ws)) };
      }),
    );
    expect(outcomes).toEqual(sample.map((step) => ({ signal: 'SIGKILL', ...fine(step, steps[step - 1]) })));
  }, 600_000);
});
