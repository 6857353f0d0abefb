/**
 * The "cli" part: how long `workbench` takes to start and answer, from the
 * build in dist-cli/ and from the source through tsx (what every start cost
 * before the build, issue 7), next to `node -e 0`, the floor on this machine.
 * Each figure is the median of several runs, wall time and CPU time (user +
 * system, from /usr/bin/time); on a shared machine the CPU time shows how
 * much of the wall time was the workbench rather than waiting for a core.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli } from '../scripts/build-cli.js';
import { median } from './lib/table.js';

const TIME = '/usr/bin/time';

/** The commands timed, with the targets of issue 7 and what was recorded before the build (tsx, issue 7). */
export const CLI_CASES = [
  { id: 'help', label: 'workbench --help', args: ['--help'], targetMs: 300, beforeMs: 3900 },
  {
    id: 'profile',
    label: 'workbench profile iris.csv --json',
    args: ['profile', 'public/samples/iris.csv', '--json'],
    targetMs: 1000,
    beforeMs: null,
  },
];

/** Runs `node …args` once; resolves to wall and CPU milliseconds. */
function timeOnce(root, args, env) {
  const useTime = existsSync(TIME);
  const command = useTime ? TIME : process.execPath;
  const argv = useTime ? ['-f', '__time %e %U %S', process.execPath, ...args] : args;
  const started = performance.now();
  const result = spawnSync(command, argv, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
  const times = /__time ([\d.]+) ([\d.]+) ([\d.]+)/.exec(result.stderr);
  return { wallMs, cpuMs: times ? (Number(times[2]) + Number(times[3])) * 1000 : NaN };
}

function timeMany(root, args, env, runs, freshEnv) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(timeOnce(root, args, { ...env, ...(freshEnv?.() ?? {}) }));
  return {
    wallMs: median(samples.map((s) => s.wallMs)),
    cpuMs: median(samples.map((s) => s.cpuMs)),
    runs: samples.map((s) => Math.round(s.wallMs)),
  };
}

/**
 * @param {{ root: string, runs: number }} options
 */
export async function cliStartup({ root, runs }) {
  await buildCli({ ifStale: true });
  const bin = join(root, 'bin/workbench.js');
  const scratch = mkdtempSync(join(tmpdir(), 'workbench-bench-cli-'));
  try {
    const floor = timeMany(root, ['-e', '0'], {}, runs);
    const cases = CLI_CASES.map((c) => {
      console.error(`  cli: ${c.label}…`);
      const built = timeMany(root, [bin, ...c.args], {}, runs);
      // tsx keeps its compile cache under TMPDIR: one fixed folder is the warm cache, a new one per run is a cold start.
      const warmDir = mkdtempSync(join(scratch, 'warm-'));
      timeOnce(root, [bin, ...c.args], { WORKBENCH_FROM_SOURCE: '1', TMPDIR: warmDir });
      const tsxWarm = timeMany(root, [bin, ...c.args], { WORKBENCH_FROM_SOURCE: '1', TMPDIR: warmDir }, runs);
      const tsxCold = timeMany(root, [bin, ...c.args], { WORKBENCH_FROM_SOURCE: '1' }, Math.min(runs, 3), () => ({
        TMPDIR: mkdtempSync(join(scratch, 'cold-')),
      }));
      return { ...c, built, tsxWarm, tsxCold };
    });
    return { floor, cases };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
