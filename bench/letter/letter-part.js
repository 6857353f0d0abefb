/**
 * The "letter" part of `npm run bench` (issue 12, items 6 and 7): on a
 * letter-recognition-shaped table (20,000 × 16, 26 classes; letter-like.ts)
 * it times every phase of a forest and an MLP run with the workbench's
 * defaults (letter-phases.ts), and fits scikit-learn's MLPClassifier with
 * its defaults on the same rows side by side when Debian's python3-sklearn
 * is present (else it prints the figure recorded below).
 *
 * Targets: the forest's evaluation takes less than three times its
 * training; the MLP reaches scikit-learn's accuracy in no more wall time
 * (CPU time printed too: scikit-learn's BLAS runs on both cores, the
 * workbench's WebAssembly kernel on one).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTable } from '../lib/table.js';

const here = dirname(fileURLToPath(import.meta.url));
const PYTHON = '/usr/bin/python3';

/**
 * Measured on this project's 2-core machine, idle (load average 1.5),
 * 2026-12-01, `npm run bench -- letter`:
 * - forest: training 2.1 s wall / 2.3 s CPU, evaluating 2.2 s / 2.3 s (1.03×).
 * - scikit-learn 1.2.1 MLPClassifier defaults: 7.5 s wall / 14.8 s CPU (two BLAS threads),
 *   200 iterations, 0.9383.
 * - workbench MLP defaults (typed arrays, WebAssembly SIMD kernel, early stopping off):
 *   5.2 s wall / 5.3 s CPU, 200 epochs, 0.9417. Before the kernel (JS typed arrays, early
 *   stopping on): 19.2 s / 19.3 s, 85 epochs, 0.9337.
 * Under load (~6 and ~10.5, other sessions running) the same day: scikit-learn 23.3 s / 23.1 s
 * and 29.9 s / 13.2 s; the workbench 10.6 s / 7.0 s and 16.1 s / 6.3 s.
 */
export const RECORDED_SKLEARN = {
  sklearn: '1.2.1',
  fitSeconds: 7.5,
  fitCpuSeconds: 14.8,
  iterations: 200,
  accuracy: 0.9383,
};

/**
 * Issue 12's bar for the MLP on letter, set on the UCI table (where scikit-learn reached 0.9575);
 * on this synthetic table scikit-learn itself reaches ~0.938, so its own accuracy is the bar here.
 */
const TARGET_ACCURACY = 0.955;

const s = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** @param {{ results: any, dataDir: string, nodeScript: (script: string, args: string[]) => any }} context */
export async function letterPart({ results, dataDir, nodeScript }) {
  const dir = join(dataDir, 'letter');
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, 'letter-like.csv');
  if (!existsSync(csv)) nodeScript('letter/gen-letter.ts', [csv]);
  console.error('\nLetter-like table: forest and MLP, every phase timed…');
  const split = join(dir, 'mlp-split.json');
  const runs = nodeScript('letter/letter-phases.ts', [csv, 'forest,mlp', split]);
  let sklearn = null;
  if (existsSync(PYTHON)) {
    // Scored on the MLP run's own held-out rows.
    const fit = spawnSync(PYTHON, [join(here, 'sklearn-mlp.py'), csv, split], { encoding: 'utf8' });
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
  const ours = { cpu: mlp.cpu.training / 1000, wall: mlp.wall.training / 1000 };
  const verdict = (ok) => (ok ? 'yes' : 'NO');
  printTable(
    `MLP with defaults vs scikit-learn ${ref.sklearn} MLPClassifier with defaults${sklearn ? ' (same run, same held-out rows)' : ' (recorded figure: no python3-sklearn here)'}`,
    ['', 'fit, wall / CPU', 'epochs', 'accuracy'],
    [
      [
        'scikit-learn',
        `${ref.fitSeconds.toFixed(1)} s / ${ref.fitCpuSeconds.toFixed(1)} s`,
        ref.iterations,
        ref.accuracy.toFixed(4),
      ],
      [
        `workbench (${mlp.trainer})`,
        `${ours.wall.toFixed(1)} s / ${ours.cpu.toFixed(1)} s`,
        mlp.epochs,
        mlp.accuracy.toFixed(4),
      ],
    ],
  );
  console.log(
    `Target: accuracy ≥ scikit-learn's: ${verdict(mlp.accuracy >= ref.accuracy)}; ≥ ${TARGET_ACCURACY}: ${verdict(mlp.accuracy >= TARGET_ACCURACY)}; ` +
      `CPU time ≤ scikit-learn's: ${verdict(ours.cpu <= ref.fitCpuSeconds)} (${(ours.cpu / ref.fitCpuSeconds).toFixed(2)}×); ` +
      `wall time ≤ scikit-learn's: ${verdict(ours.wall <= ref.fitSeconds)} (${(ours.wall / ref.fitSeconds).toFixed(2)}×).`,
  );
}
