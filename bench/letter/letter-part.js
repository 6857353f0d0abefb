/**
 * The "letter" part of `npm run bench` (issue 12, items 6 and 7): on a
 * letter-recognition-shaped table (20,000 × 16, 26 classes; letter-like.ts)
 * it times every phase of a forest and an MLP run with the workbench's
 * defaults (letter-phases.ts), and fits scikit-learn's MLPClassifier with
 * its defaults on the same rows side by side when Debian's python3-sklearn
 * is present (else it prints the figure recorded below).
 *
 * Targets: the forest's evaluation takes less than three times its
 * training; the MLP reaches scikit-learn's accuracy in no more CPU time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTable } from '../lib/table.js';

const here = dirname(fileURLToPath(import.meta.url));
const PYTHON = '/usr/bin/python3';

/**
 * Measured on this project's 2-core machine while seven other sessions ran
 * (wall times inflated; CPU seconds steadier), 2026-11-30:
 * - forest, before sampling importance: training 31.9 s, evaluating 62.0 s (1.9×);
 *   after (1,000-row sample): training 19.4 s, evaluating 16.2 s (0.8×).
 * - scikit-learn 1.2.1 MLPClassifier defaults: 23.3 s CPU (190 s wall), 200 iterations, 0.9405.
 * - workbench MLP defaults (TF.js wasm): 38.4 s CPU training, 66 epochs, 0.9330.
 */
export const RECORDED_SKLEARN = {
  sklearn: '1.2.1',
  fitSeconds: 190.5,
  fitCpuSeconds: 23.3,
  iterations: 200,
  accuracy: 0.9405,
};

const s = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** @param {{ results: any, dataDir: string, nodeScript: (script: string, args: string[]) => any }} context */
export async function letterPart({ results, dataDir, nodeScript }) {
  const dir = join(dataDir, 'letter');
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, 'letter-like.csv');
  if (!existsSync(csv)) nodeScript('letter/gen-letter.ts', [csv]);
  console.error('\nLetter-like table: forest and MLP, every phase timed…');
  const runs = nodeScript('letter/letter-phases.ts', [csv]);
  let sklearn = null;
  if (existsSync(PYTHON)) {
    const fit = spawnSync(PYTHON, [join(here, 'sklearn-mlp.py'), csv], { encoding: 'utf8' });
    if (fit.status === 0) sklearn = JSON.parse(fit.stdout.trim().split('\n').pop());
  }
  results.letter = { runs, sklearn, recordedSklearn: RECORDED_SKLEARN };
  const phases = ['preprocessing', 'training', 'evaluating'];
  printTable(
    'Letter-like table (16,000 train / 4,000 held out): phases, wall / process CPU',
    ['model', ...phases, 'evaluating ÷ training (CPU)', 'epochs', 'accuracy'],
    runs.map((r) => [
      r.kind,
      ...phases.map((p) => `${s(r.wall[p] ?? 0)} / ${s(r.cpu[p] ?? 0)}`),
      (r.cpu.evaluating / r.cpu.training).toFixed(2),
      r.epochs || '—',
      r.accuracy.toFixed(4),
    ]),
  );
  const ref = sklearn ?? RECORDED_SKLEARN;
  const mlp = runs.find((r) => r.kind === 'mlp');
  printTable(
    `MLP with defaults vs scikit-learn ${ref.sklearn} MLPClassifier with defaults${sklearn ? ' (same run)' : ' (recorded figure: no python3-sklearn here)'}`,
    ['', 'fit, wall / CPU', 'accuracy'],
    [
      ['scikit-learn', `${ref.fitSeconds.toFixed(1)} s / ${ref.fitCpuSeconds.toFixed(1)} s`, ref.accuracy.toFixed(4)],
      ['workbench (TF.js wasm)', `${s(mlp.wall.training)} / ${s(mlp.cpu.training)}`, mlp.accuracy.toFixed(4)],
    ],
  );
}
