/**
 * The "scale" part of `npm run bench` (issue 8, items 4 and 8): every model
 * kind trained end to end through the pipeline on 1,000,000 generated rows
 * (100,000 with --quick), each in its own Node process (node-scale.ts) so
 * the peak memory is the model's own. Prints one table.
 */
import { printTable } from '../lib/table.js';

const KINDS = ['forest', 'logistic', 'linear', 'mlp'];
const LABELS = {
  forest: 'random forest, 10 trees, depth ≤ 12',
  logistic: 'logistic regression (L-BFGS, C = 1)',
  linear: 'ridge (α = 1), y as a number',
  mlp: 'MLP [64, 64], 2 epochs',
};
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const GB = (bytes) => `${(bytes / 2 ** 30).toFixed(2)} GB`;

/** @param {{ results: any, quick: boolean, nodeScript: (script: string, args: string[]) => any }} context */
export async function scalePart({ results, quick, nodeScript }) {
  const rows = quick ? 100_000 : 1_000_000;
  console.error(`\nEvery model kind through the pipeline on ${rows.toLocaleString('en')} rows…`);
  const samples = KINDS.map((kind) => nodeScript('scale/node-scale.ts', [kind, String(rows)]));
  results.scale = { rows, samples };
  printTable(
    `Training at scale: ${rows.toLocaleString('en')} rows (80% train), 3 numbers + a 4-colour and a 20,000-city category (kept as 50 + "other"); one process per model`,
    ['model', 'input columns', 'train', 'whole pipeline', 'peak RSS', 'held-out'],
    samples.map((s) => [
      `${LABELS[s.kind]}${s.backend ? `, TF.js ${s.backend}` : ''}`,
      String(s.width),
      seconds(s.trainMs),
      seconds(s.pipelineMs),
      GB(s.maxRssBytes),
      s.metric.accuracy !== undefined ? `accuracy ${s.metric.accuracy.toFixed(4)}` : `R² ${s.metric.r2.toFixed(4)}`,
    ]),
  );
}
