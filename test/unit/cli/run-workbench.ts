import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../../src/cli/main.ts';

/** Helpers for the CLI tests: the real bin in a child process, or runCli in this one. */

/** The repository root. */
export const root = fileURLToPath(new URL('../../../', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const runs = new Map<string, Promise<Run>>();
let running = 0;
const waiting: (() => void)[] = [];

/**
 * The tests' global setup (test/setup/build-cli.js) rebuilds dist-cli/ when
 * src/ changed, so the bin runs the current code. Should the build be missing
 * all the same, the bin runs the source with tsx: asked for explicitly here,
 * so it prints no "no build" notice that would break the stderr checks.
 */
const env = existsSync(join(root, 'dist-cli/main.js')) ? process.env : { ...process.env, WORKBENCH_FROM_SOURCE: '1' };

/**
 * Runs `node bin/workbench.js …args` once per distinct argument list (tests
 * share the result), at most 3 at a time: the machine has 2 cores, and a
 * training run keeps one busy. Call it early (in beforeAll) so runs overlap.
 */
export function workbench(...args: string[]): Promise<Run> {
  const key = JSON.stringify(args);
  if (!runs.has(key))
    runs.set(
      key,
      limited(() => spawnWorkbench(args)),
    );
  return runs.get(key)!;
}

async function limited<T>(task: () => Promise<T>): Promise<T> {
  if (running >= 3) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await task();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function spawnWorkbench(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'bin/workbench.js'), ...args],
      { cwd: root, env, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Runs the CLI in this process, for the many cases where spawning adds nothing. */
export async function workbenchInProcess(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) });
  return { code, stdout: out.join(''), stderr: err.join('') };
}
