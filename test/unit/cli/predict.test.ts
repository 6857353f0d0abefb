import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, workbenchInProcess } from './run-workbench.ts';

// workbench predict over a workspace where iris was trained twice (logistic, forest)
// and penguins once (MLP, categorical inputs and missing cells), each with --predictions.
const IRIS = join(root, 'public/samples/iris.csv');
const PENGUINS = join(root, 'public/samples/penguins.csv');

let dir: string;
let ws: string;

const csvRows = (path: string) => {
  const [header, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\r\n');
  return { header, byRow: new Map(lines.map((line) => [line.split(',')[0], line])) };
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'workbench-cli-predict-'));
  ws = join(dir, 'ws');
  const train = async (file: string, target: string, model: string, name: string, ref: string) => {
    const run = await workbenchInProcess(
      'train',
      file,
      '--target',
      target,
      '--model',
      model,
      '--workspace',
      ws,
      '--register',
      name,
      '--predictions',
      join(dir, `${ref}-train.csv`),
      '--json',
    );
    expect(run.stderr).toBe('');
  };
  await train(IRIS, 'species', 'logistic', 'iris', 'iris@1');
  await train(IRIS, 'species', 'forest', 'iris', 'iris@2');
  await train(PENGUINS, 'species', 'mlp', 'penguins', 'penguins@1');
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const predict = (...args: string[]) => workbenchInProcess('predict', ...args, '--workspace', ws);

describe('workbench predict', () => {
  it.each([
    ['iris@1', IRIS, 'iris'],
    ['iris@2', IRIS, 'iris'],
    ['penguins@1', PENGUINS, 'penguins'],
  ])('%s gives the same columns and values as train --predictions on the held-out rows', async (ref, file, name) => {
    const out = join(dir, `${ref}.csv`);
    const run = await predict(ref, file, '--out', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const trained = csvRows(join(dir, `${ref}-train.csv`));
    const predicted = csvRows(out);
    expect(predicted.header).toBe(trained.header);
    expect(predicted.byRow.size).toBe(name === 'iris' ? 150 : 344);
    expect(trained.byRow.size).toBe(name === 'iris' ? 30 : 69);
    for (const [row, line] of trained.byRow) expect(predicted.byRow.get(row)).toBe(line);
  });

  it('drops the actual column when the data has no target, and prints a JSON summary', async () => {
    const noTarget = join(dir, 'no-target.csv');
    writeFileSync(noTarget, 'sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4,0.2\n6.7,3.0,5.2,2.3\n');
    const out = join(dir, 'no-target-preds.csv');
    const run = await predict('iris@1', noTarget, '--out', out, '--json', '--explain', '1');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ rowsScored: 2, model: 'iris', version: 1, task: 'classification', out });
    expect(summary.latencyMs.count).toBe(200);
    expect(summary.latencyMs.p95).toBeGreaterThanOrEqual(summary.latencyMs.p50);
    expect(summary.explanation.method).toBe('coefficients');
    expect(summary.explanation.explains).toBe('virginica');
    expect(summary.explanation.effects.map((e: { feature: string }) => e.feature).sort()).toEqual([
      'petal_length',
      'petal_width',
      'sepal_length',
      'sepal_width',
    ]);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('row,predicted,p_setosa,p_versicolor,p_virginica');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['0,setosa', '1,virginica']);
  });

  it('refuses data that lacks signature columns, naming them', async () => {
    const partial = join(dir, 'partial.csv');
    writeFileSync(partial, 'sepal_length,sepal_width\n5.1,3.5\n');
    const run = await predict('iris@2', partial);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('"petal_length", "petal_width"');
    expect(run.stderr).toContain('Add them');
  });

  it('refuses a column whose cells are not the trained type, naming it', async () => {
    const wrong = join(dir, 'wrong-type.csv');
    writeFileSync(wrong, 'sepal_length,sepal_width,petal_length,petal_width\n5.1,wide,1.4,0.2\n');
    const run = await predict('iris@1', wrong);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('"sepal_width" (1 cell not number)');
  });

  it('resolves stages and aliases, and says when no version is in the stage', async () => {
    const none = await predict('iris@Production', IRIS);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('has no version in Production');
    const byStage = await predict('iris@development', IRIS, '--json');
    expect(JSON.parse(byStage.stdout).version).toBe(2);
  });
});
