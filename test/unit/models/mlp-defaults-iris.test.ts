import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/data/ingest/parse-csv.ts';
import { guessRoles } from '../../../src/core/data/profile/roles.ts';
import type { ClassificationReport } from '../../../src/core/metrics/index.ts';
import { defaultPipelineSpec } from '../../../src/core/train/pipeline-spec.ts';
import { runPipeline } from '../../../src/core/train/run-pipeline.ts';

/** scikit-learn's MLPClassifier with defaults on the same splits (see iris-sklearn.py). */
const reference = JSON.parse(readFileSync('test/fixtures/mlp/iris-sklearn.json', 'utf8')) as {
  splits: Record<string, { test: number[]; mean: number }>;
};
const { table } = parseCsv(new Uint8Array(readFileSync('public/samples/iris.csv')));
const roles = guessRoles(table);
const schema = table.columns.map((c) => ({ name: c.name, type: c.type, role: roles[c.name] }));

describe('MLP defaults on small data (iris, 120 training rows)', () => {
  it('match scikit-learn MLPClassifier on held-out rows across seeds', { timeout: 300_000 }, async () => {
    const ours: number[] = [];
    const theirs: number[] = [];
    for (const [seed, ref] of Object.entries(reference.splits)) {
      const spec = defaultPipelineSpec('iris', 'species', 'mlp', Number(seed));
      const outcome = await runPipeline(table, schema, spec, { clock: () => 0, tf: { tf, backend: 'cpu' } });
      // The same held-out rows scikit-learn was scored on.
      expect(Array.from(outcome.predictions.rows)).toEqual(ref.test);
      const accuracy = (outcome.metrics as ClassificationReport).accuracy;
      // Per split no more than one of 30 rows behind scikit-learn's mean over five of its seeds.
      expect(accuracy).toBeGreaterThanOrEqual(ref.mean - 1 / 30 - 1e-9);
      ours.push(accuracy);
      theirs.push(ref.mean);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(ours)).toBeGreaterThanOrEqual(mean(theirs) - 1e-9);
  });
});
