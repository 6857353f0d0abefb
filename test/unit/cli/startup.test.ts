import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from './run-workbench.ts';

// What a command loads when it starts: TF.js (megabytes of JavaScript) only
// for the commands that train an MLP, so `--help` and `profile` start at once.
// Measured by a module resolve hook, not by the clock: timings are in
// `npm run bench -- cli`.
const IRIS = join(root, 'public/samples/iris.csv');
const TRACE = join(root, 'test/unit/cli/trace/trace-imports.mjs');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'workbench-startup-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the bin with the trace hook; resolves to its exit code and every module URL it resolved. */
function traced(name: string, ...args: string[]): Promise<{ code: number; stderr: string; modules: string[] }> {
  const file = join(dir, `${name}.txt`);
  const fromSource = !existsSync(join(root, 'dist-cli/main.js'));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', TRACE, join(root, 'bin/workbench.js'), ...args],
      {
        cwd: root,
        env: { ...process.env, WORKBENCH_TRACE_IMPORTS: file, ...(fromSource ? { WORKBENCH_FROM_SOURCE: '1' } : {}) },
        maxBuffer: 64 << 20,
      },
      (error, _stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        const modules = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
        resolve({ code, stderr, modules });
      },
    );
  });
}

const tfjs = (modules: string[]) => modules.filter((url) => url.includes('/@tensorflow/'));

describe('workbench start-up', () => {
  it('loads no TF.js for --help', async () => {
    const run = await traced('help', '--help');
    expect(run.code).toBe(0);
    expect(run.modules.some((url) => /(dist-cli|src\/cli)\/main\./.test(url))).toBe(true);
    expect(tfjs(run.modules)).toEqual([]);
  });

  it('loads no TF.js to profile a file, nor for train --help', async () => {
    const profile = await traced('profile', 'profile', IRIS, '--json');
    expect(profile.code).toBe(0);
    expect(profile.modules.some((url) => /\/profile[-.]/.test(url))).toBe(true);
    expect(tfjs(profile.modules)).toEqual([]);
    const trainHelp = await traced('train-help', 'train', '--help');
    expect(trainHelp.code).toBe(0);
    expect(tfjs(trainHelp.modules)).toEqual([]);
  });

  it('loads TF.js to train an MLP (the trace does see it)', async () => {
    const run = await traced('mlp', 'train', IRIS, '--target', 'species', '--model', 'mlp', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(tfjs(run.modules).some((url) => url.includes('/@tensorflow/tfjs/'))).toBe(true);
  });
});
