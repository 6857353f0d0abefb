import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParseRows } from 'd3-dsv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetId } from '../../../src/core/data/versions/dataset-id.ts';
import { parseCsv } from '../../../src/core/data/ingest/parse-csv.ts';
import { defaultPipelineSpec, type PipelineSpec } from '../../../src/core/train/pipeline-spec.ts';
import { root, workbench, workbenchInProcess, type Run } from './run-workbench.ts';

// `workbench run <pipeline.json> --data <file.csv>`: a saved spec re-runs to
// the same metrics, only on the dataset version it was made for.
const IRIS = join(root, 'public/samples/iris.csv');
const PENGUINS = join(root, 'public/samples/penguins.csv');

let dir: string;
let irisId: string;
let trained: { metrics: Record<string, number>; spec: PipelineSpec; crossValidation: { scores: number[] } };
let specPath: string;
let rerun: Promise<Run>;
const path = (name: string) => join(dir, name);

/** Writes a spec (or any JSON text) to the temp folder and returns its path. */
function writeSpec(name: string, spec: unknown): string {
  writeFileSync(path(name), typeof spec === 'string' ? spec : JSON.stringify(spec, null, 2));
  return path(name);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'workbench-run-'));
  irisId = await datasetId(parseCsv(readFileSync(IRIS)).table);
  const train = await workbenchInProcess(
    'train',
    IRIS,
    '--target',
    'species',
    '--model',
    'logistic',
    '--exclude',
    'sepal_width',
    '--seed',
    '3',
    '--cv',
    '3',
    '--json',
  );
  trained = JSON.parse(train.stdout);
  specPath = writeSpec('pipeline.json', trained.spec);
  rerun = workbench('run', specPath, '--data', IRIS, '--json', '--predictions', path('rerun.csv'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('workbench run', () => {
  it('re-runs the spec from train --json to the same metrics, split and cross-validation (child process)', async () => {
    const run = await rerun;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.spec).toEqual(trained.spec);
    expect(report.seed).toBe(3);
    expect(report.spec.features).toEqual(['sepal_length', 'petal_length', 'petal_width']);
    expect(JSON.stringify(report.metrics)).toBe(JSON.stringify(trained.metrics));
    expect(report.crossValidation).toEqual(trained.crossValidation);
    expect(report.crossValidation.scores).toHaveLength(3);
    const [header, ...rows] = csvParseRows(readFileSync(path('rerun.csv'), 'utf8'));
    expect(header).toEqual(['row', 'actual', 'predicted', 'p_setosa', 'p_versicolor', 'p_virginica']);
    expect(rows).toHaveLength(report.split.test);
  });

  it('runs a spec as the Train view downloads it (features [] = every feature column) and prints the summary', async () => {
    const spec = defaultPipelineSpec(irisId, 'species', 'forest', 5);
    const run = await workbenchInProcess('run', writeSpec('default.json', spec), '--data', IRIS);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^iris\.csv: Random forest, classification of "species", seed 5\n/);
    expect(run.stdout).toContain('features  sepal_length, sepal_width, petal_length, petal_width\n');
    expect(run.stdout).toContain('Confusion matrix');
  });

  it('runs a spec with an explicit split on exactly those rows', async () => {
    const spec: PipelineSpec = {
      ...defaultPipelineSpec(irisId, 'species', 'logistic'),
      split: { kind: 'indices', train: [...Array(150).keys()].filter((r) => r % 3 !== 0), test: [0, 51, 102] },
    };
    const out = path('three.csv');
    const run = await workbenchInProcess(
      'run',
      writeSpec('indices.json', spec),
      '--data',
      IRIS,
      '--predictions',
      out,
      '--json',
    );
    expect(JSON.parse(run.stdout).split).toEqual({ train: 100, test: 3 });
    expect(
      csvParseRows(readFileSync(out, 'utf8'))
        .slice(1)
        .map((r) => [r[0], r[1]]),
    ).toEqual([
      ['0', 'setosa'],
      ['51', 'versicolor'],
      ['102', 'virginica'],
    ]);
  });
});

describe('workbench run on bad input', () => {
  function expectOneLineError(run: Run, pattern: RegExp): void {
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: [^\n]+\n$/);
    expect(run.stderr).toMatch(pattern);
  }

  it('refuses data that is not the dataset version the spec was made for, naming both short ids', async () => {
    const penguinsId = await datasetId(parseCsv(readFileSync(PENGUINS)).table);
    const run = await workbenchInProcess('run', specPath, '--data', PENGUINS);
    expectOneLineError(
      run,
      new RegExp(
        `^error: penguins\\.csv is not dataset version ${irisId.slice(0, 12)} that the spec was made for; it is version ${penguinsId.slice(0, 12)}\\. `,
      ),
    );
  });

  it('refuses a spec that is not JSON', async () => {
    expectOneLineError(
      await workbenchInProcess('run', writeSpec('broken.json', '{"schemaVersion": 1,'), '--data', IRIS),
      /"[^"]*broken\.json" is not valid JSON \(.*\)\. Give a pipeline spec/,
    );
  });

  it('refuses a malformed spec, listing what is wrong', async () => {
    const spec = { ...defaultPipelineSpec(irisId, 'species'), schemaVersion: 2, model: { kind: 'svm' } };
    expectOneLineError(
      await workbenchInProcess('run', writeSpec('invalid.json', spec), '--data', IRIS),
      /The pipeline spec is not valid: schemaVersion must be 1 \(got 2\); model\.kind must be/,
    );
  });

  it('refuses a spec that names a column the data does not have', async () => {
    const spec = { ...defaultPipelineSpec(irisId, 'species'), features: ['petal_length', 'petal_colour'] };
    expectOneLineError(
      await workbenchInProcess('run', writeSpec('missing-column.json', spec), '--data', IRIS),
      /feature column "petal_colour" that the data does not have/,
    );
    const target = defaultPipelineSpec(irisId, 'genus');
    expectOneLineError(
      await workbenchInProcess('run', writeSpec('missing-target.json', target), '--data', IRIS),
      /no column "genus" to predict/,
    );
  });

  it('refuses a missing spec file', async () => {
    expectOneLineError(
      await workbenchInProcess('run', path('nope.json'), '--data', IRIS),
      /Cannot read ".*nope\.json": no such file/,
    );
  });
});

describe('workbench run command line', () => {
  it.each([
    [[], /^error: Give the pipeline spec \(a \.json file\) to run\.\n/],
    [['spec.json'], /^error: Give the data to run the spec on with --data <file\.csv>\.\n/],
    [['a.json', 'b.json', '--data', 'x.csv'], /^error: Give exactly one spec file; got 2\.\n/],
    [['spec.json', '--data', 'x.csv', '--workspace'], /^error: .*--workspace/],
  ] as [string[], RegExp][])('run %j exits 2 with the run usage', async (args, pattern) => {
    const run = await workbenchInProcess('run', ...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(pattern);
    expect(run.stderr).toContain('Usage: workbench run <pipeline.json> --data <file.csv>');
  });

  it('prints help on stdout for run --help', async () => {
    const run = await workbenchInProcess('run', '-h');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: workbench run <pipeline.json>');
  });
});
