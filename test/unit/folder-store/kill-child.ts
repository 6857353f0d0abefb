// Child process for kill-at-every-step.test.ts: runs the CLI with the given
// arguments while watching its file-changing steps (write-steps.ts).
//   kill <n>:     kills itself with SIGKILL (no cleanup runs, as in a crash or
//                 a power cut) right after step n;
//   snapshot <d>: copies the workspace to <d>/<n> right after every step n:
//                 the folder as a kill at that step would leave it (writes
//                 are sequential, so nothing else changes it between steps).
// Either way it writes the steps it took, and the exit code, to `report`.
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { watchWriteSteps } from '../../../src/adapters/folder-store/write-steps.ts';
import { runCli } from '../../../src/cli/main.ts';

const [mode, arg, report, ...args] = process.argv.slice(2);
const workspace = args[args.indexOf('--workspace') + 1];
const steps: string[] = [];
watchWriteSteps((step, what) => {
  steps.push(what);
  if (mode === 'kill' && step === Number(arg)) process.kill(process.pid, 'SIGKILL');
  if (mode === 'snapshot' && existsSync(workspace)) cpSync(workspace, join(arg, String(step)), { recursive: true });
});
const err: string[] = [];
const code = await runCli(args, { stdout: () => undefined, stderr: (text) => void err.push(text) });
writeFileSync(report, JSON.stringify({ code, steps, stderr: err.join('') }));
