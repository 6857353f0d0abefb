import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, workbenchInProcess } from './run-workbench.ts';

// Issue 12, item 1: a yes/no target keeps its spelling in the run report, the
// confusion matrix, the model card, `train --predictions` and `predict`.
const TITANIC = join(root, 'test/fixtures/new-user/titanic.csv');
const CHURN = join(root, 'test/fixtures/new-user/churn.csv');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'workbench-label-spelling-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const header = (path: string) => readFileSync(path, 'utf8').split(/\r?\n/)[0].split(',');
const cells = (path: string, column: string) => {
  const [head, ...lines] = readFileSync(path, 'utf8').trimEnd().split(/\r?\n/);
  const at = head.split(',').indexOf(column);
  return new Set(lines.map((line) => line.split(',')[at]));
};

describe('a yes/no target keeps its spelling', () => {
  it('train --predictions writes p_no,p_yes and the labels as the file spells them', async () => {
    const out = join(dir, 'titanic-predictions.csv');
    const run = await workbenchInProcess('train', TITANIC, '--target', 'survived', '--predictions', out, '--json');
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { labels: string[]; metrics: { perClass?: Record<string, unknown> } };
    expect(report.labels).toEqual(['no', 'yes']);
    expect(header(out)).toEqual(['row', 'actual', 'predicted', 'p_no', 'p_yes']);
    expect(cells(out, 'actual')).toEqual(new Set(['no', 'yes']));
    expect(run.stdout).not.toMatch(/"(true|false)"/);
  });

  it('predict on a registered model answers Yes/No, the churn file’s own words', async () => {
    const ws = join(dir, 'ws');
    const trained = await workbenchInProcess(
      'train',
      CHURN,
      '--target',
      'churn',
      '--model',
      'logistic',
      '--workspace',
      ws,
      '--register',
      'churn',
      '--json',
    );
    expect(trained.stderr).toBe('');
    const out = join(dir, 'churn-scored.csv');
    const run = await workbenchInProcess('predict', 'churn@1', CHURN, '--out', out, '--workspace', ws);
    expect(run.stderr).toBe('');
    expect(header(out)).toEqual(['row', 'actual', 'predicted', 'p_No', 'p_Yes']);
    expect(cells(out, 'predicted')).toEqual(new Set(['No', 'Yes']));
    // The model card in the exported bundle names the classes Yes and No.
    const zip = join(dir, 'churn.zip');
    const exported = await workbenchInProcess('export', 'churn', '1', '--out', zip, '--workspace', ws);
    expect(exported.stderr).toBe('');
    const files = unzipSync(readFileSync(zip));
    const cardName = Object.keys(files).find((name) => name.toLowerCase().endsWith('.md'))!;
    const card = strFromU8(files[cardName]);
    expect(card).toMatch(/\bYes\b/);
    expect(card).toMatch(/\bNo\b/);
    expect(card).not.toMatch(/\b(true|false)\b/);
  });
});

describe('workbench train --impute', () => {
  it('records the choice in the spec and reports the dropped rows', async () => {
    const run = await workbenchInProcess('train', TITANIC, '--target', 'survived', '--impute', 'drop', '--json');
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as {
      spec: { preprocessing: unknown };
      split: { train: number; test: number };
      warnings: string[];
    };
    expect(report.spec.preprocessing).toEqual({
      numeric: { impute: 'drop', standardize: true },
      categorical: { impute: 'drop' },
    });
    expect(report.split.train + report.split.test).toBe(48);
    expect(report.warnings.join(' ')).toContain('12 rows with a missing feature value were dropped');
  });

  it('accepts constant=<number> and refuses an unknown strategy as a usage error', async () => {
    const run = await workbenchInProcess('train', TITANIC, '--target', 'survived', '--impute', 'constant=-1', '--json');
    expect(JSON.parse(run.stdout).spec.preprocessing.numeric).toEqual({
      impute: 'constant',
      standardize: true,
      fill: -1,
    });
    const bad = await workbenchInProcess('train', TITANIC, '--target', 'survived', '--impute', 'zero');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--impute must be one of median, mean, most_frequent, constant, drop');
  });
});
