/**
 * Specs and data the pipeline must refuse before they crash or mislead:
 * values too large to compute with, models that will not fit the memory
 * budget, and training that diverges.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { Column, ColumnSchema, DataTable } from '../../../src/core/data/types.ts';
import { logisticEntry } from '../../../src/core/models/linear/logistic-entry.ts';
import type { MlpSpec } from '../../../src/core/models/mlp/mlp-spec.ts';
import { seededRng } from '../../../src/core/random/rng.ts';
import { defaultPipelineSpec, type ModelKind, type PipelineSpec } from '../../../src/core/train/pipeline-spec.ts';
import { runPipeline } from '../../../src/core/train/run-pipeline.ts';
import { MAX_ONE_HOT_CATEGORIES } from '../../../src/core/train/data-limits.ts';

const deps = { clock: () => 0, tf: { tf, backend: 'cpu' } };

function numeric(name: string, values: number[]): Column {
  return { name, type: 'number', values: Float64Array.from(values) };
}

/** y = "yes" when a + b > 0; a holds +1e308 and -1e308 in two rows. */
function extremeTable(extremes: number[] = [1e308, -1e308]): { table: DataTable; schema: ColumnSchema[] } {
  const rng = seededRng(1);
  const rows = 200;
  const a = Array.from({ length: rows }, () => rng() * 2 - 1);
  const b = Array.from({ length: rows }, () => rng() * 2 - 1);
  const codes = Int32Array.from(a, (v, i) => (v + b[i] > 0 ? 1 : 0));
  extremes.forEach((v, i) => (a[5 + i] = v));
  const table: DataTable = {
    rowCount: rows,
    columns: [numeric('a', a), numeric('b', b), { name: 'y', type: 'category', codes, dictionary: ['no', 'yes'] }],
  };
  const schema: ColumnSchema[] = [
    { name: 'a', type: 'number', role: 'feature' },
    { name: 'b', type: 'number', role: 'feature' },
    { name: 'y', type: 'category', role: 'target' },
  ];
  return { table, schema };
}

function spec(kind: ModelKind, standardize = true): PipelineSpec {
  const s = defaultPipelineSpec('v', 'y', kind);
  s.preprocessing.numeric.standardize = standardize;
  if (s.model.kind === 'mlp') s.model.epochs = 2;
  if (s.model.kind === 'forest') s.model.trees = 5;
  return s;
}

describe('feature values too large to compute with', () => {
  const { table, schema } = extremeTable();

  it.each(['forest', 'logistic', 'mlp'] as ModelKind[])(
    'a ±1e308 column cannot be standardized: %s is refused with a message naming the column',
    async (kind) => {
      const run = runPipeline(table, schema, spec(kind), deps);
      await expect(run).rejects.toMatchObject({ code: 'train.extreme_values' });
      await expect(run).rejects.toThrow(/Column "a" has values so large .* cannot be imputed or standardized/);
    },
  );

  it('a single 1e308 whose spread overflows is refused too, not standardized with a spread of 1', async () => {
    const single = extremeTable([1e308]);
    const run = runPipeline(single.table, single.schema, spec('forest'), deps);
    await expect(run).rejects.toThrow(/Column "a" has values so large .* cannot be imputed or standardized/);
  });

  it.each(['logistic', 'mlp'] as ModelKind[])(
    'unstandardized, %s refuses the column with the limit it computes with',
    async (kind) => {
      const run = runPipeline(table, schema, spec(kind, false), deps);
      await expect(run).rejects.toThrow(
        /Column "a" holds -?1e\+308 after preprocessing, beyond ±1e\+\d+, the largest .* computes with safely/,
      );
    },
  );

  it('a forest only compares values, so it trains on them unstandardized', async () => {
    const outcome = await runPipeline(table, schema, spec('forest', false), deps);
    expect(outcome.metrics.n).toBe(40);
  });
});

describe('divergence', () => {
  it('an MLP whose loss stops being finite ends with a message that names divergence, not missing values', async () => {
    const { table, schema } = extremeTable();
    // Unscaled inputs in the millions and plain SGD at rate 1.
    const big = (table.columns[1] as { values: Float64Array }).values.map((v) => v * 1e6);
    const data: DataTable = { ...table, columns: [table.columns[1], { name: 'c', type: 'number', values: big }] };
    const regression: ColumnSchema[] = [
      { name: 'b', type: 'number', role: 'target' },
      { name: 'c', type: 'number', role: 'feature' },
    ];
    const s = { ...spec('mlp', false), target: 'b' };
    s.model = { ...(s.model as MlpSpec), optimizer: 'sgd', learningRate: 1, epochs: 5, earlyStopping: null };
    const run = runPipeline(data, regression, s, deps);
    await expect(run).rejects.toMatchObject({ code: 'train.diverged' });
    await expect(run).rejects.toThrow(/The MLP diverged: .* Use a smaller learning rate \(it is 1; try 0\.1\)/);
  });

  it('logistic regression on values that overflow its loss says so instead of blaming NaN in the data', async () => {
    // The gradient at the start sums ten values of 1e308: it overflows.
    const x = Float64Array.from({ length: 20 }, (_, i) => (i % 2 ? 1e308 : -1e308));
    const y = Int32Array.from({ length: 20 }, (_, i) => i % 2);
    const data = { task: 'classification' as const, x, rows: 20, width: 1, y, classCount: 2 };
    const context = { rng: seededRng(1), tf: null, memoryBudget: 1e9 };
    const training = logisticEntry.train({ kind: 'logistic', C: 1, maxIter: 100, tol: 1e-4 }, data, context);
    await expect(training).rejects.toMatchObject({ code: 'train.diverged' });
    await expect(training).rejects.toThrow(
      /Logistic regression diverged: its loss or gradient overflowed at the starting point.* Standardize the features/,
    );
  });
});

describe('the memory budget', () => {
  it('refuses a run over the budget before building its matrix, with the estimate (a 20,000-value category is capped first)', async () => {
    // 20,000 rows, each its own category. Uncapped that was 16,000 one-hot columns (2.6 GB); the
    // frequency cap (data-limits.ts) keeps the encoding narrow, so a 2 MB budget stands in for a full tab.
    const rows = 20_000;
    const table: DataTable = {
      rowCount: rows,
      columns: [
        {
          name: 'id',
          type: 'category',
          codes: Int32Array.from({ length: rows }, (_, i) => i),
          dictionary: Array.from({ length: rows }, (_, i) => `c${i}`),
        },
        numeric(
          'y',
          Array.from({ length: rows }, (_, i) => i % 7),
        ),
      ],
    };
    const schema: ColumnSchema[] = [
      { name: 'id', type: 'category', role: 'feature' },
      { name: 'y', type: 'number', role: 'target' },
    ];
    const s = {
      ...defaultPipelineSpec('v', 'y', 'linear'),
      split: { kind: 'random' as const, testFraction: 0.2, stratify: false, seed: 1 },
    };
    const run = runPipeline(table, schema, s, { ...deps, memoryBudget: 2e6 });
    await expect(run).rejects.toMatchObject({ code: 'train.too_large' });
    const message = String(await run.catch((error: Error) => error.message));
    expect(message).toMatch(
      /This run would need about [\d.]+ GB \(data [\d.]+ GB for 20,000 rows × [\d,]+ columns, model [\d.]+ GB\), more than the [\d.]+ GB a run may use in a browser tab/,
    );
    const columns = Number(/× ([\d,]+) columns/.exec(message)![1].replace(/,/g, ''));
    expect(columns).toBeLessThanOrEqual(MAX_ONE_HOT_CATEGORIES + 1);
  });

  it('stops a forest whose trees outgrow the budget, saying how to make them smaller', async () => {
    // A noisy target grows trees of thousands of nodes (~250 KB each); the data and workspace take ~75 KB.
    const rng = seededRng(2);
    const rows = 2000;
    const table: DataTable = {
      rowCount: rows,
      columns: [
        numeric(
          'a',
          Array.from({ length: rows }, () => rng()),
        ),
        {
          name: 'y',
          type: 'category',
          codes: Int32Array.from({ length: rows }, () => (rng() < 0.5 ? 1 : 0)),
          dictionary: ['no', 'yes'],
        },
      ],
    };
    const schema: ColumnSchema[] = [
      { name: 'a', type: 'number', role: 'feature' },
      { name: 'y', type: 'category', role: 'target' },
    ];
    const run = runPipeline(table, schema, spec('forest'), { ...deps, memoryBudget: 200_000 });
    await expect(run).rejects.toMatchObject({ code: 'train.too_large' });
    await expect(run).rejects.toThrow(
      /The random forest outgrew the memory budget: after \d of 5 trees it has [\d,]+ nodes, about [\d.]+ MB for all trees, more than the 0\.2 MB a run may use\. Set a max depth/,
    );
  });
});
