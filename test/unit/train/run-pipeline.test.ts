import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/data/ingest/parse-csv.ts';
import { guessRoles } from '../../../src/core/data/profile/roles.ts';
import type { ColumnSchema, DataTable } from '../../../src/core/data/types.ts';
import type { ClassificationReport, RegressionReport } from '../../../src/core/metrics/index.ts';
import {
  defaultModelSpec,
  defaultPipelineSpec,
  type ModelKind,
  type PipelineSpec,
} from '../../../src/core/train/pipeline-spec.ts';
import { runPipeline } from '../../../src/core/train/run-pipeline.ts';

function sample(name: string): { table: DataTable; schema: ColumnSchema[] } {
  const { table } = parseCsv(new Uint8Array(readFileSync(`public/samples/${name}.csv`)));
  const roles = guessRoles(table);
  return { table, schema: table.columns.map((c) => ({ name: c.name, type: c.type, role: roles[c.name] })) };
}
const clock = () => performance.now();
/** The MLP runs on the backend handed in; the other kinds ignore it. */
const cpu = { tf, backend: 'cpu' };
const iris = sample('iris');
const penguins = sample('penguins');

describe('runPipeline', () => {
  for (const kind of ['forest', 'logistic', 'mlp'] as ModelKind[]) {
    it(`trains and evaluates a ${kind} on held-out iris rows`, async () => {
      const spec = defaultPipelineSpec('iris', 'species', kind);
      if (spec.model.kind === 'mlp')
        Object.assign(spec.model, { hiddenLayers: [16], epochs: 80, learningRate: 0.03, batchSize: 16 });
      const outcome = await runPipeline(iris.table, iris.schema, spec, { clock, tf: cpu });
      const metrics = outcome.metrics as ClassificationReport;
      expect(outcome.split).toEqual({ train: 120, test: 30 });
      expect(outcome.labels).toEqual(['setosa', 'versicolor', 'virginica']);
      expect(metrics.n).toBe(30);
      expect(metrics.accuracy).toBeGreaterThan(0.85);
      expect(metrics.confusion.matrix.flat().reduce((a, b) => a + b, 0)).toBe(30);
      // Stratified: 10 of each class held out.
      expect(metrics.perClass.map((c) => c.support)).toEqual([10, 10, 10]);
      expect(
        outcome.importance
          .map((i) => i.feature)
          .slice(0, 2)
          .sort(),
      ).toEqual(expect.arrayContaining([expect.stringMatching(/^petal_/)]));
    });
  }

  it('is reproducible: same spec and seed, same metrics; another seed, another split', async () => {
    const spec = defaultPipelineSpec('penguins', 'species', 'forest');
    const a = await runPipeline(penguins.table, penguins.schema, spec, { clock, tf: cpu });
    const b = await runPipeline(penguins.table, penguins.schema, spec, { clock, tf: cpu });
    expect(b.metrics).toEqual(a.metrics);
    expect(b.model).toEqual(a.model);
    const other: PipelineSpec = { ...spec, seed: 7, split: { ...spec.split, seed: 7 } as PipelineSpec['split'] };
    const c = await runPipeline(penguins.table, penguins.schema, other, { clock, tf: cpu });
    expect(Array.from(c.predictions.rows)).not.toEqual(Array.from(a.predictions.rows));
  });

  it('runs ridge regression on a numeric target, with categorical features one-hot encoded', async () => {
    const spec = { ...defaultPipelineSpec('penguins', 'body_mass_g', 'linear'), task: 'regression' as const };
    const outcome = await runPipeline(penguins.table, penguins.schema, spec, { clock, tf: cpu });
    const metrics = outcome.metrics as RegressionReport;
    expect(outcome.task).toBe('regression');
    expect(outcome.split.test).toBe(Math.ceil(342 * 0.2)); // two rows have no body mass
    expect(metrics.r2).toBeGreaterThan(0.8);
    expect(metrics.rmse).toBeLessThan(400);
    expect(outcome.preprocessor.outputNames).toContain('species=Gentoo');
  });

  it('reports k-fold cross-validation as mean ± std', async () => {
    const spec: PipelineSpec = { ...defaultPipelineSpec('iris', 'species', 'logistic'), crossValidation: { folds: 5 } };
    const outcome = await runPipeline(iris.table, iris.schema, spec, { clock, tf: cpu });
    expect(outcome.crossValidation!.scores).toHaveLength(5);
    expect(outcome.crossValidation!.mean).toBeGreaterThan(0.9);
    expect(outcome.crossValidation!.std).toBeLessThan(0.1);
  });

  it('uses an explicit split, and refuses one whose training rows miss a class', async () => {
    const test = [0, 50, 100];
    const train = [...Array(150).keys()].filter((r) => !test.includes(r));
    const spec: PipelineSpec = {
      ...defaultPipelineSpec('iris', 'species', 'logistic'),
      split: { kind: 'indices', train, test },
    };
    const outcome = await runPipeline(iris.table, iris.schema, spec, { clock, tf: cpu });
    expect(Array.from(outcome.predictions.rows)).toEqual(test);
    const sorted: PipelineSpec = {
      ...spec,
      split: { kind: 'indices', train: [...Array(100).keys()], test: [100, 101] },
    };
    await expect(runPipeline(iris.table, iris.schema, sorted, { clock, tf: cpu })).rejects.toThrow(
      /no example of "virginica".*stratified random split/,
    );
  });
});
