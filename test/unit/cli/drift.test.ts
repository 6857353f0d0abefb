import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workbench, workbenchInProcess } from './run-workbench.ts';

// Reference: 300 rows; current: the same shapes except `age`, shifted by 30.
const rows = (n: number, ageShift: number): string =>
  [
    'age,plan,score',
    ...Array.from({ length: n }, (_, i) => {
      const u = ((i + 1) * 0.6180339887498949) % 1;
      return `${(20 + 40 * u + ageShift).toFixed(2)},${['basic', 'plus', 'pro'][i % 3]},${((i * 0.7548776662466927) % 1).toFixed(4)}`;
    }),
  ].join('\n');

let dir: string;
let refPath: string;
let curPath: string;
let otherPath: string;
let textPath: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'workbench-drift-'));
  refPath = join(dir, 'reference.csv');
  curPath = join(dir, 'current.csv');
  otherPath = join(dir, 'other.csv');
  textPath = join(dir, 'text-age.csv');
  writeFileSync(refPath, rows(300, 0));
  writeFileSync(curPath, rows(200, 30));
  writeFileSync(otherPath, 'x,y\n1,2\n3,4\n');
  writeFileSync(textPath, 'age,plan\nold,basic\nyoung,pro\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('workbench drift', () => {
  it('prints the --json contract: per column kind, test, drifted and every statistic', async () => {
    const run = await workbench('drift', refPath, curPath, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual(['columns', 'driftShare', 'datasetDrift', 'driftShareThreshold']);
    const [age, plan, score] = report.columns;
    expect(age).toMatchObject({ name: 'age', kind: 'numeric', test: 'ks', drifted: true });
    expect(Object.keys(age.ks)).toEqual(['statistic', 'pValue', 'method']);
    expect(age.ks.method).toBe('exact');
    for (const key of ['wasserstein', 'wassersteinNormalized', 'psi', 'jensenShannon']) {
      expect(typeof age[key]).toBe('number');
    }
    expect(plan).toMatchObject({ name: 'plan', kind: 'categorical', test: 'chisquare', drifted: false });
    expect(plan.chi2.dof).toBe(2);
    expect(plan.chi2.pValue).toBeGreaterThan(0.9);
    expect(score.drifted).toBe(false);
    expect(report.driftShare).toBeCloseTo(1 / 3, 12);
    expect(report.datasetDrift).toBe(false);
  });

  it('compares only --columns, and prints a table with drifted columns first', async () => {
    const run = await workbenchInProcess('drift', refPath, curPath, '--columns', 'score,age');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[1]).toMatch(/^age\s+numeric\s+DRIFT\s+ks/);
    expect(lines[2]).toMatch(/^score\s+numeric\s+ok\s+ks/);
    expect(run.stdout).toContain('1 of 2 columns drifted');
    expect(run.stdout).toContain('dataset drift: YES');
  });

  it('says what to change for bad input', async () => {
    const none = await workbenchInProcess('drift', refPath, otherPath);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no column name in common/);
    const mismatch = await workbenchInProcess('drift', refPath, textPath, '--columns', 'age');
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toMatch(/"age" is numeric in the reference but text in the current data/);
    const usage = await workbenchInProcess('drift', refPath);
    expect(usage.code).toBe(2);
  });
});
