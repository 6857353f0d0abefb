import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ColumnSchema, DataTable } from '../../../src/core/data/types.ts';
import type { ClassificationReport, RegressionReport } from '../../../src/core/metrics/index.ts';
import { seededRng } from '../../../src/core/random/rng.ts';
import { defaultPipelineSpec, type ModelSpec, type PipelineSpec } from '../../../src/core/train/pipeline-spec.ts';
import { runPipeline } from '../../../src/core/train/run-pipeline.ts';

// Item 4 of the hardening issue: the split spread every row index into
// push(), which overflows the call stack at about 150,000 rows. These runs
// go through the whole pipeline (split, preprocessing, training, evaluation,
// permutation importance) on 200,000 rows; the bench trains on 1,000,000.
const ROWS = 200_000;
const SHADES = ['red', 'green', 'blue', 'grey'];

/** x1, x2 uniform in [-1, 1), a colour, a class decided by x1 + x2 > 1 (one row in eight) and a value y = 3·x1 − 2·x2 + colour offset. */
function largeTable(rows: number): { table: DataTable; schema: ColumnSchema[] } {
  const rng = seededRng(11);
  const x1 = new Float64Array(rows);
  const x2 = new Float64Array(rows);
  const codes = new Int32Array(rows);
  const y = new Float64Array(rows);
  const labelCodes = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    x1[r] = rng() * 2 - 1;
    x2[r] = rng() * 2 - 1;
    codes[r] = Math.floor(rng() * SHADES.length);
    y[r] = 3 * x1[r] - 2 * x2[r] + codes[r];
    labelCodes[r] = x1[r] + x2[r] > 1 ? 1 : 0;
  }
  const table: DataTable = {
    rowCount: rows,
    columns: [
      { name: 'x1', type: 'number', values: x1 },
      { name: 'x2', type: 'number', values: x2 },
      { name: 'shade', type: 'category', codes, dictionary: SHADES },
      { name: 'y', type: 'number', values: y },
      { name: 'label', type: 'category', codes: labelCodes, dictionary: ['low', 'high'] },
    ],
  };
  const schema = table.columns.map((c) => ({ name: c.name, type: c.type, role: 'feature' as const }));
  return { table, schema };
}

const clock = () => performance.now();
const { table, schema } = largeTable(ROWS);

function spec(target: string, model: ModelSpec): PipelineSpec {
  const base = defaultPipelineSpec('large', target, model.kind);
  return { ...base, features: ['x1', 'x2', 'shade'], model };
}

describe(`runPipeline on ${ROWS.toLocaleString('en')} rows`, () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  const classifiers: ModelSpec[] = [
    { kind: 'forest', trees: 4, maxDepth: 8, minSamplesLeaf: 20, maxFeatures: 'all', bootstrap: true },
    { kind: 'logistic', C: 1, maxIter: 50, tol: 1e-4 },
    {
      kind: 'mlp',
      hiddenLayers: [8],
      activation: 'relu',
      optimizer: 'adam',
      learningRate: 0.01,
      l2: 0,
      batchSize: 1024,
      epochs: 2,
      earlyStopping: null,
    },
  ];

  it.each(classifiers.map((m) => [m.kind, m] as const))(
    'trains and evaluates a %s classifier end to end',
    async (_, model) => {
      const outcome = await runPipeline(table, schema, spec('label', model), { clock, tf: { tf, backend: 'cpu' } });
      const metrics = outcome.metrics as ClassificationReport;
      expect(outcome.split).toEqual({ train: ROWS * 0.8, test: ROWS * 0.2 });
      expect(metrics.n).toBe(ROWS * 0.2);
      // The label is a linear threshold of x1 + x2: every model kind finds most of it.
      expect(metrics.accuracy).toBeGreaterThan(0.95);
      expect(
        outcome.importance
          .map((f) => f.feature)
          .slice(0, 2)
          .sort(),
      ).toEqual(['x1', 'x2']);
    },
    600_000,
  );

  it('trains and evaluates a linear (ridge) regression end to end', async () => {
    const outcome = await runPipeline(table, schema, spec('y', { kind: 'linear', alpha: 1 }), { clock });
    const metrics = outcome.metrics as RegressionReport;
    expect(outcome.task).toBe('regression');
    expect(metrics.n).toBe(ROWS * 0.2);
    // y is exactly linear in the standardised x1, x2 and the one-hot shade.
    expect(metrics.r2).toBeGreaterThan(0.9999);
  }, 600_000);
});
