import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { csvParseRows } from 'd3-dsv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectNodeBackend } from '../../../src/adapters/tf-backend/node-backend.ts';
import { datasetId } from '../../../src/core/data/versions/dataset-id.ts';
import { parseCsv } from '../../../src/core/data/ingest/parse-csv.ts';
import { root, workbench, workbenchInProcess } from './run-workbench.ts';

// `workbench train`: the --json contract, the text summary, predictions CSV,
// determinism, agreement with scikit-learn, and one-line errors for bad input.
const IRIS = join(root, 'public/samples/iris.csv');
const PENGUINS = join(root, 'public/samples/penguins.csv');
const FIXTURES = join(root, 'test/fixtures/sklearn-cli');
const SPLIT = join(FIXTURES, 'split.json');

interface Sklearn {
  labels: string[];
  rows: number[];
  actual: string[];
  predicted: string[];
  proba: number[][];
  accuracy: number;
  logLoss: number;
}
const sklearn = JSON.parse(readFileSync(join(FIXTURES, 'iris-logistic.json'), 'utf8')) as Sklearn;

let dir: string;
const path = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'workbench-train-'));
  // Start every child process now so they overlap; the tests await their results.
  workbench(
    'train',
    IRIS,
    '--target',
    'species',
    '--model',
    'logistic',
    '--split',
    SPLIT,
    '--json',
    '--predictions',
    path('sklearn-predictions.csv'),
  );
  workbench('train', IRIS, '--target', 'species', '--json');
  workbench('train', IRIS, '--target', 'species', '--json', '--seed', '42');
  workbench('train', IRIS, '--target', 'species', '--model', 'mlp', '--json');
  workbench('train', PENGUINS, '--target', 'species');
  workbench('train', IRIS, '--target', 'nope', '--json');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('workbench train agrees with scikit-learn', () => {
  it('logistic regression on iris with a fixed split predicts as sklearn’s LogisticRegression() on standardized features', async () => {
    const run = await workbench(
      'train',
      IRIS,
      '--target',
      'species',
      '--model',
      'logistic',
      '--split',
      SPLIT,
      '--json',
      '--predictions',
      path('sklearn-predictions.csv'),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.split).toEqual({ train: 120, test: 30 });
    expect(report.spec.split).toEqual({
      kind: 'indices',
      train: JSON.parse(readFileSync(SPLIT, 'utf8')).train,
      test: sklearn.rows,
    });
    expect(report.labels).toEqual(sklearn.labels);

    const [header, ...rows] = csvParseRows(readFileSync(path('sklearn-predictions.csv'), 'utf8'));
    expect(header).toEqual(['row', 'actual', 'predicted', ...sklearn.labels.map((l) => `p_${l}`)]);
    expect(rows.map((r) => Number(r[0]))).toEqual(sklearn.rows);
    expect(rows.map((r) => r[1])).toEqual(sklearn.actual);
    const disagreements = rows.filter((r, i) => r[2] !== sklearn.predicted[i]).length;
    expect(disagreements).toBeLessThanOrEqual(1);
    expect(Math.abs(report.metrics.accuracy - sklearn.accuracy)).toBeLessThanOrEqual(1 / 30 + 1e-12);
    // Same objective, both solved to convergence: the probabilities agree closely too.
    rows.forEach((r, i) => r.slice(3).forEach((p, j) => expect(Number(p)).toBeCloseTo(sklearn.proba[i][j], 3)));
    expect(report.metrics.logLoss).toBeCloseTo(sklearn.logLoss, 3);
  });
});

describe('workbench train --json', () => {
  it('prints one object with the headline fields, flat metrics, the confusion matrix and the full spec', async () => {
    const run = await workbench('train', IRIS, '--target', 'species', '--json');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report).slice(0, 9)).toEqual([
      'task',
      'model',
      'backend',
      'backendReason',
      'tfVersion',
      'seed',
      'trainMs',
      'metrics',
      'confusion',
    ]);
    expect(report).toMatchObject({
      task: 'classification',
      model: 'forest',
      backend: null,
      seed: 42,
      split: { train: 120, test: 30 },
    });
    expect(report.trainMs).toBeGreaterThan(0);
    for (const value of Object.values(report.metrics)) expect(typeof value).toBe('number');
    expect(Object.keys(report.metrics)).toEqual(
      expect.arrayContaining([
        'accuracy',
        'precisionWeighted',
        'recallWeighted',
        'f1Weighted',
        'f1Macro',
        'rocAuc',
        'logLoss',
      ]),
    );
    expect(report.metrics.accuracy).toBeGreaterThan(0.85);
    expect(report.confusion.labels).toEqual(['setosa', 'versicolor', 'virginica']);
    // Stratified 20% of 50 per class: 10 held-out rows of each.
    expect(report.confusion.matrix.map((row: number[]) => row.reduce((a, b) => a + b, 0))).toEqual([10, 10, 10]);
    const correct = report.confusion.matrix.reduce((sum: number, row: number[], i: number) => sum + row[i], 0);
    expect(report.metrics.accuracy).toBeCloseTo(correct / 30, 12);
    expect(report.datasetVersionId).toBe(await datasetId(parseCsv(readFileSync(IRIS)).table));
    expect(report.spec).toMatchObject({
      schemaVersion: 1,
      target: 'species',
      features: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'],
      seed: 42,
    });
    expect(report.spec.split).toEqual({ kind: 'random', testFraction: 0.2, stratify: true, seed: 42 });
    expect(report.importance.map((f: { feature: string }) => f.feature).sort()).toEqual([
      'petal_length',
      'petal_width',
      'sepal_length',
      'sepal_width',
    ]);
    expect(report.crossValidation).toBeNull();
  });

  it('gives identical metrics for the same file and arguments (forest, two processes)', async () => {
    const [a, b] = await Promise.all([
      workbench('train', IRIS, '--target', 'species', '--json'),
      workbench('train', IRIS, '--target', 'species', '--json', '--seed', '42'),
    ]);
    const [ra, rb] = [JSON.parse(a.stdout), JSON.parse(b.stdout)];
    expect(JSON.stringify(rb.metrics)).toBe(JSON.stringify(ra.metrics));
    expect(rb.importance).toEqual(ra.importance);
    expect(rb.confusion).toEqual(ra.confusion);
  });

  it('gives identical metrics for the same file and arguments (logistic), and other metrics for another seed', async () => {
    const args = ['train', PENGUINS, '--target', 'species', '--model', 'logistic', '--json'];
    const [a, b, other] = [
      await workbenchInProcess(...args),
      await workbenchInProcess(...args),
      await workbenchInProcess(...args, '--seed', '7'),
    ];
    expect(a.code).toBe(0);
    expect(JSON.stringify(JSON.parse(b.stdout).metrics)).toBe(JSON.stringify(JSON.parse(a.stdout).metrics));
    expect(JSON.parse(other.stdout).spec.split.seed).toBe(7);
    expect(JSON.stringify(JSON.parse(other.stdout).metrics)).not.toBe(JSON.stringify(JSON.parse(a.stdout).metrics));
  });

  it('trains the MLP on the WASM TF.js backend and reports it', async () => {
    const run = await workbench('train', IRIS, '--target', 'species', '--model', 'mlp', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.model).toBe('mlp');
    expect(report.backend).toBe('wasm');
    expect(report.tfVersion).toBe('4.22.0');
    expect(report.metrics.accuracy).toBeGreaterThan(0.8);
    expect(report.spec.model.kind).toBe('mlp');
  });

  it('reports regression metrics, no confusion matrix, and k-fold cross-validation when asked', async () => {
    const run = await workbenchInProcess(
      'train',
      PENGUINS,
      '--target',
      'body_mass_g',
      '--model',
      'linear',
      '--exclude',
      'sex',
      '--cv',
      '3',
      '--json',
    );
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(report.task).toBe('regression');
    expect(Object.keys(report.metrics).sort()).toEqual(['mae', 'n', 'r2', 'rmse']);
    expect(report.metrics.r2).toBeGreaterThan(0.7);
    expect(report.metrics.rmse).toBeGreaterThanOrEqual(report.metrics.mae);
    expect(report.confusion).toBeNull();
    expect(report.labels).toEqual([]);
    expect(report.spec.features).toEqual(['species', 'island', 'bill_length_mm', 'bill_depth_mm', 'flipper_length_mm']);
    expect(report.crossValidation).toMatchObject({ folds: 3, metric: 'r2' });
    expect(report.crossValidation.scores).toHaveLength(3);
  });

  it('uses --test-size, --exclude (comma list or repeated) and --task', async () => {
    const run = await workbenchInProcess(
      'train',
      IRIS,
      '--target',
      'species',
      '--model',
      'logistic',
      '--test-size',
      '0.5',
      '--exclude',
      'sepal_length,sepal_width',
      '--exclude',
      'petal_width',
      '--task',
      'classification',
      '--json',
    );
    const report = JSON.parse(run.stdout);
    expect(report.split).toEqual({ train: 75, test: 75 });
    expect(report.spec.features).toEqual(['petal_length']);
    expect(report.spec.task).toBe('classification');
  });
});

describe('the TF.js backend in Node', () => {
  it('is WASM by default, cpu when asked; an MLP run leaves no tensors behind and reproduces another process’s metrics', async () => {
    const wasm = await selectNodeBackend();
    expect(wasm).toMatchObject({ name: 'wasm', tfVersion: tf.version.tfjs });
    expect(tf.getBackend()).toBe('wasm');
    const before = tf.memory().numTensors;
    const run = await workbenchInProcess('train', IRIS, '--target', 'species', '--model', 'mlp', '--json');
    expect(run.stderr).toBe('');
    expect(tf.memory().numTensors).toBe(before);
    const child = await workbench('train', IRIS, '--target', 'species', '--model', 'mlp', '--json');
    expect(JSON.stringify(JSON.parse(run.stdout).metrics)).toBe(JSON.stringify(JSON.parse(child.stdout).metrics));
    expect(await selectNodeBackend('cpu')).toMatchObject({ name: 'cpu', reason: 'chosen by you' });
    expect(tf.getBackend()).toBe('cpu');
  });
});

describe('workbench train --predictions', () => {
  it('writes row, actual and predicted labels and one p_<class> column per class for the held-out rows', async () => {
    const out = path('iris-predictions.csv');
    const run = await workbenchInProcess(
      'train',
      IRIS,
      '--target',
      'species',
      '--model',
      'logistic',
      '--predictions',
      out,
      '--json',
    );
    const report = JSON.parse(run.stdout);
    expect(report.predictionsFile).toBe(out);
    const [header, ...rows] = csvParseRows(readFileSync(out, 'utf8'));
    expect(header).toEqual(['row', 'actual', 'predicted', 'p_setosa', 'p_versicolor', 'p_virginica']);
    expect(rows).toHaveLength(30);
    const iris = csvParseRows(readFileSync(IRIS, 'utf8')).slice(1);
    for (const [row, actual, predicted, ...p] of rows) {
      expect(actual).toBe(iris[Number(row)][4]);
      expect(report.labels).toContain(predicted);
      expect(p.map(Number).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(predicted).toBe(report.labels[p.map(Number).indexOf(Math.max(...p.map(Number)))]);
    }
    const correct = rows.filter((r) => r[1] === r[2]).length;
    expect(report.metrics.accuracy).toBeCloseTo(correct / 30, 12);
  });

  it('neutralises class labels that a spreadsheet would run as formulas', async () => {
    const data = path('formula.csv');
    const lines = ['x,label'];
    for (let i = 0; i < 20; i++) lines.push(`${i},${i < 10 ? '=HYPERLINK("x")' : '+ok'}`);
    writeFileSync(data, `${lines.join('\n')}\n`);
    const out = path('formula-predictions.csv');
    const run = await workbenchInProcess(
      'train',
      data,
      '--target',
      'label',
      '--model',
      'logistic',
      '--predictions',
      out,
    );
    expect(run.stderr).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(text.split('\r\n')[0]).toBe('row,actual,predicted,p_+ok,"p_=HYPERLINK(""x"")"');
    const labels = csvParseRows(text)
      .slice(1)
      .flatMap((r) => [r[1], r[2]]);
    expect(new Set(labels)).toEqual(new Set([`'=HYPERLINK("x")`, `'+ok`]));
  });

  it('writes row, actual and predicted values for regression', async () => {
    const out = path('regression-predictions.csv');
    await workbenchInProcess(
      'train',
      PENGUINS,
      '--target',
      'body_mass_g',
      '--model',
      'forest',
      '--predictions',
      out,
      '--json',
    );
    const [header, ...rows] = csvParseRows(readFileSync(out, 'utf8'));
    expect(header).toEqual(['row', 'actual', 'predicted']);
    expect(rows.length).toBeGreaterThan(60);
    for (const r of rows) expect(r.map(Number).every(Number.isFinite)).toBe(true);
  });
});

describe('workbench train (text)', () => {
  it('prints a summary with the metrics table, the confusion matrix and the top features', async () => {
    const run = await workbench('train', PENGUINS, '--target', 'species');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^penguins\.csv: Random forest, classification of "species", seed 42\n/);
    expect(run.stdout).toMatch(/\n {2}accuracy +\d\.\d{4} +95% interval/);
    expect(run.stdout).toMatch(/\n {2}f1Macro +\d\.\d{4}\n/);
    expect(run.stdout).toContain('Confusion matrix (rows: actual, columns: predicted):');
    expect(run.stdout).toMatch(/\n +Adelie +Chinstrap +Gentoo\n {2}Adelie +\d+ +\d+ +\d+\n/);
    expect(run.stdout).toContain('Top features (permutation importance');
  });
});

describe('workbench train on bad input', () => {
  /** Exit 1, nothing on stdout, exactly one stderr line starting `error:`. */
  function expectOneLineError(run: { code: number; stdout: string; stderr: string }, pattern: RegExp): void {
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: [^\n]+\n$/);
    expect(run.stderr).toMatch(pattern);
  }

  it('a target column the data does not have (child process)', async () => {
    expectOneLineError(
      await workbench('train', IRIS, '--target', 'nope', '--json'),
      /no column "nope" to predict\. Choose one of: sepal_length, /,
    );
  });

  const write = (name: string, text: string) => {
    writeFileSync(path(name), text);
    return path(name);
  };

  it.each([
    [
      'a target with one class',
      () => ['train', write('one-class.csv', 'a,y\n1,x\n2,x\n3,x\n'), '--target', 'y'],
      /only one class \("x"\)/,
    ],
    [
      'an all-missing target',
      () => ['train', write('no-target.csv', 'a,y\n1,\n2,\n3,\n'), '--target', 'y'],
      /"y" has no values/,
    ],
    [
      'too few rows to split',
      () => ['train', write('one-row.csv', 'a,y\n1,2.5\n'), '--target', 'y'],
      /1 usable row cannot be split/,
    ],
    [
      'a non-numeric target for regression',
      () => ['train', IRIS, '--target', 'species', '--task', 'regression'],
      /Regression needs a numeric target, but "species" is category/,
    ],
    [
      'no usable features',
      () => ['train', IRIS, '--target', 'species', '--exclude', 'sepal_length,sepal_width,petal_length,petal_width'],
      /No feature columns are left/,
    ],
    [
      'only text columns as features',
      () => [
        'train',
        write(
          'text-only.csv',
          `note,y\n${Array.from({ length: 30 }, (_, i) => `free text number ${i} here,${i % 2 ? 'a' : 'b'}`).join('\n')}\n`,
        ),
        '--target',
        'y',
      ],
      /No feature columns are left/,
    ],
    [
      'an unknown column in --exclude',
      () => ['train', IRIS, '--target', 'species', '--exclude', 'petal_width,nope'],
      /--exclude names "nope", which the data does not have/,
    ],
    [
      'a model for the other task',
      () => ['train', PENGUINS, '--target', 'body_mass_g', '--model', 'logistic'],
      /Logistic regression is for classification/,
    ],
    [
      'a split file that is not JSON',
      () => ['train', IRIS, '--target', 'species', '--split', write('bad.json', '{train: [1]}')],
      /"[^"]*bad\.json" is not valid JSON/,
    ],
    [
      'a split file without a test list',
      () => ['train', IRIS, '--target', 'species', '--split', write('no-test.json', '{"train": [0, 1]}')],
      /has no "test" list/,
    ],
    [
      'a split file with a fractional index',
      () => ['train', IRIS, '--target', 'species', '--split', write('frac.json', '{"train": [0, 1.5], "test": [2]}')],
      /has 1\.5 in "train", which is not a row index/,
    ],
    [
      'a split file with a row out of range',
      () => ['train', IRIS, '--target', 'species', '--split', write('range.json', '{"train": [0, 1], "test": [150]}')],
      /test list has row 150, but the data has rows 0 to 149/,
    ],
    [
      'a split file with a row in both lists',
      () => [
        'train',
        IRIS,
        '--target',
        'species',
        '--split',
        write('overlap.json', '{"train": [0, 1, 60, 120], "test": [1]}'),
      ],
      /Row 1 is in both/,
    ],
    [
      'a split file that does not exist',
      () => ['train', IRIS, '--target', 'species', '--split', path('missing.json')],
      /Cannot read ".*missing\.json": no such file/,
    ],
    [
      'a predictions path in a folder that does not exist',
      () => ['train', IRIS, '--target', 'species', '--predictions', path('no-such-folder/p.csv')],
      /Cannot write the predictions to ".*p\.csv" \(ENOENT\)/,
    ],
    [
      'a CSV file that does not exist',
      () => ['train', path('missing.csv'), '--target', 'y'],
      /Cannot read ".*missing\.csv": no such file/,
    ],
  ] as [string, () => string[], RegExp][])('%s: exits 1 with one line on stderr', async (_, args, pattern) => {
    expectOneLineError(await workbenchInProcess(...args()), pattern);
  });

  it('writes no predictions file when the run fails', async () => {
    const out = path('never.csv');
    const run = await workbenchInProcess(
      'train',
      IRIS,
      '--target',
      'species',
      '--task',
      'regression',
      '--predictions',
      out,
    );
    expect(run.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});

describe('workbench train command line', () => {
  it.each([
    [[], /^error: Give the CSV file to train on\.\n/],
    [[IRIS], /^error: Give the column to predict with --target <column>\.\n/],
    [
      [IRIS, '--target', 'species', '--model', 'svm'],
      /^error: --model must be one of forest, logistic, mlp, linear \(got "svm"\)\.\n/,
    ],
    [[IRIS, '--target', 'species', '--test-size', '1.5'], /^error: --test-size must be a fraction between 0 and 1/],
    [
      [IRIS, '--target', 'species', '--test-size', '0.3', '--split', SPLIT],
      /^error: Give either --test-size or --split <file>, not both\.\n/,
    ],
    [
      [IRIS, '--target', 'species', '--seed', '1.5'],
      /^error: --seed must be a whole number from 0 to 2147483647 \(got "1\.5"\)/,
    ],
    [[IRIS, '--target', 'species', '--seed=-1'], /^error: --seed must be a whole number/],
    [[IRIS, '--target', 'species', '--cv', '1'], /^error: --cv must be a whole number from 2 to 20/],
    [[IRIS, '--target', 'species', '--task', 'ranking'], /^error: --task must be classification, regression or auto/],
    [[IRIS, '--target', 'species', '--yaml'], /^error: .*--yaml/],
    [
      [IRIS, '--target', 'species', '--param', 'trees=0'],
      /^error: --param: trees must be a whole number from 1 to 2000 \(got 0\)\.\n/,
    ],
    [
      [IRIS, '--target', 'species', '--param', 'depth=3'],
      /^error: Random forest has no parameter "depth"\. Its parameters: trees, maxDepth, minSamplesLeaf, maxFeatures, bootstrap\.\n/,
    ],
    [
      [IRIS, '--target', 'species', '--model', 'mlp', '--param', 'earlyStopping.validationFraction=0.999'],
      /^error: --param: earlyStopping\.validationFraction must be a number greater than 0 and at most 0\.5 \(got 0\.999\)/,
    ],
  ] as [string[], RegExp][])('train %j exits 2 with the train usage', async (args, pattern) => {
    const run = await workbenchInProcess('train', ...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(pattern);
    expect(run.stderr).toContain('Usage: workbench train <file.csv> --target <column>');
  });

  it('sets model parameters with --param, as the catalogue reads them', async () => {
    const run = await workbenchInProcess(
      'train',
      IRIS,
      '--target',
      'species',
      '--param',
      'trees=7',
      '--param',
      'maxDepth=none',
      '--param',
      'maxFeatures=0.5',
      '--json',
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).spec.model).toEqual({
      kind: 'forest',
      trees: 7,
      maxDepth: null,
      minSamplesLeaf: 1,
      maxFeatures: 0.5,
      bootstrap: true,
    });
  });

  it('prints help on stdout for train --help, and the top-level help lists train and run', async () => {
    const [sub, top] = [await workbenchInProcess('train', '--help'), await workbenchInProcess('--help')];
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('--split <split.json>');
    // Every kind and its parameters, from the catalogue.
    expect(sub.stdout).toMatch(
      /\n {2}linear +Linear \(ridge\) regression \(regression\)\n +alpha=1 +a number at least 0/,
    );
    expect(sub.stdout).toContain('earlyStopping.patience=10  a whole number from 1 to 10000');
    expect(top.stdout).toMatch(/\n {2}train +train and evaluate a model/);
    expect(top.stdout).toMatch(/\n {2}run +run a saved pipeline spec/);
  });
});
