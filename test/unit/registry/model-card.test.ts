import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../../src/core/registry/error-intervals.ts';
import { buildModelCard, type CardMetric } from '../../../src/core/registry/model-card.ts';
import { modelCardMarkdown } from '../../../src/core/registry/model-card-markdown.ts';
import { planRegistration } from '../../../src/core/registry/plan-registration.ts';
import type { ModelVersion } from '../../../src/core/registry/registry-types.ts';
import type { RunRecord } from '../../../src/core/train/run-record.ts';
import { ACTOR, at, completedRun, datasetVersion, regressionRun } from './registry-fixtures.ts';

/** Made by fixtures/make_card_fixtures.py with SciPy 1.10. */
const fixture = JSON.parse(readFileSync(new URL('./fixtures/card-intervals.json', import.meta.url), 'utf8')) as {
  classification: { labels: string[]; confusion: number[][]; accuracy: Wilson; precision: Wilson[]; recall: Wilson[] };
  regression: {
    actual: number[];
    predicted: number[];
    mae: number;
    rmse: number;
    r2: number;
    maeInterval: [number, number];
    rmseInterval: [number, number];
  };
};
interface Wilson {
  successes: number;
  n: number;
  low: number;
  high: number;
}

function close(actual: number | undefined, expected: number): void {
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
}

const dataset = datasetVersion('card\n', {
  name: 'pets',
  rowCount: 400,
  warnings: [
    { code: 'constant', severity: 'warning', column: 'colour', message: 'Every row has the same value | "blue".' },
  ],
  schema: [
    { name: 'length', type: 'number', role: 'feature' },
    { name: 'colour', type: 'category', role: 'feature' },
    { name: 'species', type: 'category', role: 'target' },
  ],
}).version;

function register(run: RunRecord): ModelVersion {
  const v = planRegistration(
    { models: [], versions: [], transitions: [] },
    { run, datasetVersion: dataset, modelName: 'pets', description: 'Guesses the species.', actor: ACTOR, now: at(5) },
  ).version;
  return {
    ...v,
    stage: 'Staging',
    aliases: ['candidate'],
    card: { intendedUse: 'Teaching MLOps.', limitations: 'Three species only.' },
  };
}

describe('buildModelCard: classification', () => {
  const { labels, confusion } = fixture.classification;
  const run = completedRun({ id: 'c1', datasetVersionId: dataset.id, labels, matrix: confusion });
  const version = register(run);
  const card = buildModelCard({ version, run, datasetVersion: dataset });

  it('gives the accuracy a 95% Wilson interval equal to SciPy', () => {
    const accuracy = card.metrics.headline.find((m) => m.name === 'accuracy')!;
    expect(accuracy.value).toBe(64 / 80);
    close(accuracy.interval?.low, fixture.classification.accuracy.low);
    close(accuracy.interval?.high, fixture.classification.accuracy.high);
    expect(accuracy.interval?.method).toBe('Wilson score interval, 64/80');
    expect(card.metrics.headline.find((m) => m.name === 'f1Macro')).toMatchObject({
      interval: null,
      note: 'no interval computed',
    });
  });

  it('gives each class precision and recall intervals over their own denominators, equal to SciPy', () => {
    expect(card.metrics.perClass!.map((c) => [c.label, c.support, c.predicted])).toEqual([
      ['cat', 35, 36],
      ['dog', 33, 32],
      ['fox', 12, 12],
    ]);
    card.metrics.perClass!.forEach((c, j) => {
      const p = fixture.classification.precision[j];
      const r = fixture.classification.recall[j];
      expect(c.precision.value).toBe(p.successes / p.n);
      expect(c.recall.value).toBe(r.successes / r.n);
      close(c.precision.interval?.low, p.low);
      close(c.precision.interval?.high, p.high);
      close(c.recall.interval?.low, r.low);
      close(c.recall.interval?.high, r.high);
    });
  });

  it('fills data, split, preprocessing, model and the editable fields from what is known', () => {
    expect(card.title).toBe('pets v1');
    expect(card.data).toEqual({
      id: dataset.id,
      name: 'pets',
      rows: 400,
      columns: 3,
      createdAt: at(0),
      qualityWarnings: dataset.profile.warnings,
    });
    expect(card.split).toEqual({ method: 'random, 20% held out, stratified by class, seed 7', train: 400, test: 80 });
    expect(card.preprocessing).toEqual([
      {
        column: 'length',
        kind: 'numeric',
        description: 'missing → 5.8 (training median); standardised as (x − 5.84) / 0.825',
      },
      {
        column: 'colour',
        kind: 'categorical',
        description:
          'missing → "blue" (most frequent); one-hot over 2 categories seen in training; unseen categories → all zeros',
      },
    ]);
    expect(card.model.hyperparameters).toEqual([
      { name: 'trees', value: '100' },
      { name: 'maxDepth', value: 'none' },
      { name: 'minSamplesLeaf', value: '1' },
      { name: 'maxFeatures', value: 'sqrt' },
      { name: 'bootstrap', value: 'true' },
    ]);
    expect([card.intendedUse, card.limitations]).toEqual(['Teaching MLOps.', 'Three species only.']);
  });

  it('says no interval when a class is never predicted', () => {
    const never = completedRun({
      id: 'c2',
      datasetVersionId: dataset.id,
      labels: ['a', 'b'],
      matrix: [
        [10, 0],
        [5, 0],
      ],
    });
    const b = buildModelCard({ version: register(never), run: never, datasetVersion: dataset }).metrics.perClass![1];
    expect(b.precision).toEqual({
      name: 'precision',
      value: null,
      interval: null,
      note: 'no interval: no rows were predicted as this class',
    });
    expect(b.recall.value).toBe(0);
    expect(b.recall.interval?.low).toBe(0);
  });

  it('renders Markdown with the sections, escaped table cells and the intervals to 4 decimals', () => {
    const md = modelCardMarkdown(card);
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Model card: pets v1');
    expect(lines[2]).toBe('Guesses the species.');
    expect(md).toContain('- **Aliases:** `candidate`');
    expect(md).toContain('## Intended use\n\nTeaching MLOps.\n\n## Limitations\n\nThree species only.');
    expect(md).toContain(`- **Dataset:** pets (\`${dataset.id}\`)`);
    expect(md).toContain('- **warning** `colour`: Every row has the same value | "blue".');
    expect(md).toContain('| Accuracy | 0.8000 | 0.6995 – 0.8730 |');
    expect(md).toMatch(/\| Precision \(macro\) \| \d\.\d{4} \|/);
    expect(md).not.toContain('precisionMacro');
    expect(md).toContain(
      '| F1 (macro) | ' + card.metrics.headline.find((m) => m.name === 'f1Macro')!.value!.toFixed(4) + ' | — |',
    );
    expect(md).toContain(
      '| cat | 35 | 0.8333 | 0.6811 – 0.9213 | 0.8571 | ' + interval(card.metrics.perClass![0].recall) + ' |',
    );
    expect(md).toContain('| length | numeric | missing → 5.8 (training median); standardised as (x − 5.84) / 0.825 |');
    expect(md).toContain('Task: classification. Target: `species` (category), labels `cat`, `dog`, `fox`.');
    expect(md.indexOf('## Metrics (80 held-out rows)')).toBeGreaterThan(md.indexOf('## Input signature'));
  });

  it('escapes pipes inside table cells', () => {
    const odd = { ...card, model: { ...card.model, hyperparameters: [{ name: 'a|b', value: 'x\ny' }] } };
    expect(modelCardMarkdown(odd)).toContain('| a\\|b | x y |');
  });
});

describe('buildModelCard: regression', () => {
  const { actual, predicted, mae, rmse, r2 } = fixture.regression;
  const run = regressionRun({ id: 'g1', datasetVersionId: dataset.id, actual, predicted, report: { mae, rmse, r2 } });
  const version = register(run);

  it('gives MAE and RMSE normal-approximation intervals equal to SciPy when every held-out error is kept', () => {
    const card = buildModelCard({ version, run, datasetVersion: dataset });
    const m = (name: string) => card.metrics.headline.find((x) => x.name === name)!;
    close(m('mae').interval?.low, fixture.regression.maeInterval[0]);
    close(m('mae').interval?.high, fixture.regression.maeInterval[1]);
    close(m('rmse').interval?.low, fixture.regression.rmseInterval[0]);
    close(m('rmse').interval?.high, fixture.regression.rmseInterval[1]);
    expect(m('r2')).toEqual({ name: 'r2', value: r2, interval: null, note: 'no interval computed' });
    expect(card.metrics.perClass).toBeNull();
    expect(card.metrics.notes[0]).toMatch(/over all 60 held-out errors/);
  });

  it('gives no MAE or RMSE interval, and says why, when the run kept only a sample of its predictions', () => {
    const sampled: RunRecord = {
      ...run,
      outcome: { ...run.outcome!, metrics: { task: 'regression', n: 5000, mae, rmse, r2 } },
    };
    const card = buildModelCard({ version, run: sampled, datasetVersion: dataset });
    expect(card.metrics.headline.map((x) => [x.name, x.interval])).toEqual([
      ['mae', null],
      ['rmse', null],
      ['r2', null],
    ]);
    expect(card.metrics.headline[0].note).toBe('no interval: the run kept only a sample of its held-out predictions');
    expect(card.metrics.notes).toEqual([
      'No intervals are given for MAE and RMSE: the run kept 60 of its 5000 held-out predictions, and an interval needs every error.',
    ]);
    expect(modelCardMarkdown(card)).toContain('| MAE | ' + mae.toFixed(4) + ' | — |');
  });

  it('says so when the dataset version is not in the workspace', () => {
    const card = buildModelCard({ version, run, datasetVersion: undefined });
    expect(card.data).toBeNull();
    expect(modelCardMarkdown(card)).toContain(`Dataset version \`${dataset.id}\` is not in this workspace.`);
  });
});

describe('meanInterval', () => {
  it('is mean ± 1.96·s/√n and needs two values', () => {
    const ci = meanInterval([1, 2, 3, 4]);
    const half = 1.959963984540054 * (Math.sqrt(5 / 3) / 2);
    close(ci.low, 2.5 - half);
    close(ci.high, 2.5 + half);
    expect(() => meanInterval([1])).toThrowError(/at least 2 values/);
  });
});

function interval(metric: CardMetric): string {
  return `${metric.interval!.low.toFixed(4)} – ${metric.interval!.high.toFixed(4)}`;
}
