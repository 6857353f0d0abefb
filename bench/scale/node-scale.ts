/**
 * One model kind trained end to end through the workbench pipeline
 * (runPipeline: seeded stratified split, preprocessing, training, held-out
 * evaluation, permutation importance) on a generated table of `rows` rows,
 * in its own process so its peak memory (max RSS) is its own. Issue 8,
 * items 4 and 8: the split used to overflow the call stack at ~150,000 rows,
 * and a 20,000-category feature made 20,000 one-hot columns; the table here
 * has one (`city`), which now becomes 50 columns plus "other".
 *
 * Run: `node --expose-gc --import tsx bench/scale/node-scale.ts <forest|logistic|linear|mlp> <rows>`
 * Progress on stderr; the result (JSON) is the last line on stdout.
 */
import { performance } from 'node:perf_hooks';
import { selectNodeBackend } from '../../src/adapters/tf-backend/node-backend.ts';
import type { ColumnSchema, DataTable } from '../../src/core/data/types.ts';
import { seededRng } from '../../src/core/random/rng.ts';
import { defaultPipelineSpec, type ModelSpec } from '../../src/core/train/pipeline-spec.ts';
import { runPipeline } from '../../src/core/train/run-pipeline.ts';

const [kind, rowsArg] = process.argv.slice(2);
const rows = Number(rowsArg);
const CITIES = 20_000;
const SHADES = ['red', 'green', 'blue', 'grey'];

/** The models as the bench trains them: small enough to finish on 1,000,000 rows on a shared 2-core machine. */
const MODELS: Record<string, ModelSpec> = {
  forest: { kind: 'forest', trees: 10, maxDepth: 12, minSamplesLeaf: 5, maxFeatures: 'sqrt', bootstrap: true },
  logistic: { kind: 'logistic', C: 1, maxIter: 200, tol: 1e-4 },
  linear: { kind: 'linear', alpha: 1 },
  mlp: {
    kind: 'mlp',
    hiddenLayers: [64, 64],
    activation: 'relu',
    optimizer: 'adam',
    learningRate: 0.001,
    l2: 0.0001,
    batchSize: 256,
    epochs: 2,
    earlyStopping: null,
  },
};

/** x1…x3 uniform in [−1, 1), a colour, a 20,000-category city; label = x1 + x2 > 0, y = 3·x1 − 2·x2 + x3 + noise. */
function table(n: number): { table: DataTable; schema: ColumnSchema[] } {
  const rng = seededRng(20240115);
  const x = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const shade = new Int32Array(n);
  const city = new Int32Array(n);
  const y = new Float64Array(n);
  const label = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    for (const col of x) col[r] = rng() * 2 - 1;
    shade[r] = Math.floor(rng() * SHADES.length);
    // Zipf-like: a few cities are common, most are rare.
    city[r] = Math.min(CITIES - 1, Math.floor(1 / (rng() + 1e-9) ** 0.8) - 1);
    y[r] = 3 * x[0][r] - 2 * x[1][r] + x[2][r] + (rng() - 0.5) * 0.1;
    label[r] = x[0][r] + x[1][r] > 0 ? 1 : 0;
  }
  const t: DataTable = {
    rowCount: n,
    columns: [
      ...x.map((values, i) => ({ name: `x${i + 1}`, type: 'number' as const, values })),
      { name: 'shade', type: 'category', codes: shade, dictionary: SHADES },
      {
        name: 'city',
        type: 'category',
        codes: city,
        dictionary: Array.from({ length: CITIES }, (_, i) => `city-${i}`),
      },
      { name: 'y', type: 'number', values: y },
      { name: 'label', type: 'category', codes: label, dictionary: ['no', 'yes'] },
    ],
  };
  return { table: t, schema: t.columns.map((c) => ({ name: c.name, type: c.type, role: 'feature' as const })) };
}

const model = MODELS[kind];
if (!model || !(rows > 0)) throw new Error('usage: node-scale.ts <forest|logistic|linear|mlp> <rows>');
const backend = kind === 'mlp' ? await selectNodeBackend() : null;
const data = table(rows);
const target = kind === 'linear' ? 'y' : 'label';
const spec = { ...defaultPipelineSpec('bench', target, kind as ModelSpec['kind']), model };
const started = performance.now();
const outcome = await runPipeline(data.table, data.schema, spec, {
  clock: () => performance.now(),
  tf: backend?.runtime ?? null,
});
const pipelineMs = performance.now() - started;
const m = outcome.metrics;
const result = {
  kind,
  rows,
  backend: backend?.name ?? null,
  width: outcome.preprocessor.outputNames.length,
  trainRows: outcome.split.train,
  trainMs: outcome.trainMs,
  pipelineMs,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
  metric: m.task === 'classification' ? { accuracy: m.accuracy } : { r2: m.r2 },
  warnings: outcome.warnings.length,
};
process.stderr.write(`  ${kind}: ${(pipelineMs / 1000).toFixed(1)} s\n`);
console.log(JSON.stringify(result));
