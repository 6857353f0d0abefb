import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, workbench, workbenchInProcess } from './run-workbench.ts';
import { datasetId } from '../../../src/core/data/versions/dataset-id.ts';
import { parseCsv } from '../../../src/core/data/ingest/parse-csv.ts';
import { WorkbenchError } from '../../../src/core/errors.ts';

// These tests run the real `workbench` bin in a child process, as a user or a
// CI job would, and check exit codes, streams and the --json contract.
const corpus = join(root, 'test/fixtures/bad-csv');

const SAMPLE = [
  'species,island,mass_g,measured_on,ok',
  'Adelie,Biscoe,3750,2024-01-05,true',
  'Gentoo,Dream,5000,2024-01-06,false',
  'Adelie,Biscoe,,2024-01-07,true',
  'Chinstrap,Dream,3600,2024-01-08,true',
  'Adelie,Torgersen,3800,2024-01-09,false',
].join('\n');

let dir: string;
let samplePath: string;
let crlfPath: string;
let escapePath: string;
const CHILD_BAD = [
  'empty.csv',
  'picture.png',
  'latin1.csv',
  'unterminated-quote.csv',
  'ragged-short-row.csv',
  'text-after-closing-quote.csv',
];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'workbench-cli-'));
  samplePath = join(dir, 'sample.csv');
  crlfPath = join(dir, 'sample-crlf.csv');
  escapePath = join(dir, 'escape.csv');
  writeFileSync(samplePath, `${SAMPLE}\n`);
  writeFileSync(crlfPath, `${SAMPLE.replaceAll('\n', '\r\n')}\r\n`);
  writeFileSync(escapePath, 'name,n\n"\u001b[2Jboom",1\nok,2\n');
  // Start every child process now so they overlap; the tests await their results.
  workbench('profile', samplePath, '--json');
  workbench('profile', crlfPath, '--json');
  workbench('profile', samplePath);
  workbench('profile', escapePath);
  for (const name of ['semicolon-delimited.csv', 'utf16le-bom.csv']) workbench('profile', join(corpus, name), '--json');
  for (const name of CHILD_BAD) workbench('profile', join(corpus, name), '--json');
  workbench('profile', join(dir, 'missing.csv'));
  workbench('frobnicate');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('workbench profile --json', () => {
  it('prints one JSON object with counts, the version id the core computes, columns and warnings', async () => {
    const run = await workbench('profile', samplePath, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.rowCount).toBe(5);
    expect(report.columnCount).toBe(5);
    expect(report.delimiter).toBe(',');
    expect(report.versionId).toBe(await datasetId(parseCsv(readFileSync(samplePath)).table));
    expect(report.versionId).toMatch(/^[0-9a-f]{64}$/);
    expect(Array.isArray(report.warnings)).toBe(true);
    expect(report.columns.map((c: { name: string }) => c.name)).toEqual([
      'species',
      'island',
      'mass_g',
      'measured_on',
      'ok',
    ]);
    for (const column of report.columns) {
      expect(Object.keys(column)).toEqual(expect.arrayContaining(['name', 'type', 'role', 'missing', 'distinct']));
    }
  });

  it('reports per-column types, roles, missing and distinct counts, numeric statistics and top values', async () => {
    const report = JSON.parse((await workbench('profile', samplePath, '--json')).stdout);
    const byName = Object.fromEntries(report.columns.map((c: { name: string }) => [c.name, c]));
    const parsed = parseCsv(readFileSync(samplePath));
    expect(report.columns.map((c: { type: string }) => c.type)).toEqual(parsed.table.columns.map((c) => c.type));

    expect(byName.species.role).toBe('target');
    expect(byName.species.missing).toBe(0);
    expect(byName.species.distinct).toBe(3);
    expect(byName.species.top[0]).toEqual({ value: 'Adelie', count: 3 });

    expect(byName.mass_g.type).toBe('integer');
    expect(byName.mass_g.missing).toBe(1);
    expect(byName.mass_g.distinct).toBe(4);
    expect(byName.mass_g.min).toBe(3600);
    expect(byName.mass_g.max).toBe(5000);
    expect(byName.mass_g.mean).toBeCloseTo((3750 + 5000 + 3600 + 3800) / 4, 9);
    expect(byName.mass_g.median).toBeCloseTo((3750 + 3800) / 2, 9);

    expect(byName.measured_on.type).toBe('datetime');
    expect(byName.measured_on.role).toBe('timestamp');
    expect(byName.measured_on.min).toBe(Date.UTC(2024, 0, 5));
    expect(byName.ok.type).toBe('boolean');
  });

  it('gives a CRLF copy of the same data the same version id', async () => {
    const [lf, crlf] = await Promise.all([
      workbench('profile', samplePath, '--json'),
      workbench('profile', crlfPath, '--json'),
    ]);
    expect(JSON.parse(crlf.stdout).versionId).toBe(JSON.parse(lf.stdout).versionId);
  });

  it.each(['semicolon-delimited.csv', 'utf16le-bom.csv'])('loads %s from the corpus', async (name) => {
    const run = await workbench('profile', join(corpus, name), '--json');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).versionId).toBe(await datasetId(parseCsv(readFileSync(join(corpus, name))).table));
  });
});

describe('workbench profile on every corpus file that loads', () => {
  const expected = JSON.parse(readFileSync(join(corpus, 'expected.json'), 'utf8')) as Record<
    string,
    { loads: boolean; rows?: number; columns?: number }
  >;
  const loaded = Object.entries(expected).filter(([, e]) => e.loads);

  it.each(loaded)('%s (in process): exits 0 with the expected shape', async (name, e) => {
    const run = await workbenchInProcess('profile', join(corpus, name), '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect([report.rowCount, report.columnCount, report.columns.length]).toEqual([e.rows, e.columns, e.columns]);
  });
});

describe('workbench profile (text)', () => {
  it('prints a readable table with the row count, version id and every column', async () => {
    const run = await workbench('profile', samplePath);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const id = await datasetId(parseCsv(readFileSync(samplePath)).table);
    expect(run.stdout).toContain('sample.csv: 5 rows × 5 columns (comma-delimited');
    expect(run.stdout).toContain(`version  ${id}`);
    const header = run.stdout.split('\n').find((line) => line.startsWith('column'));
    expect(header).toMatch(/^column\s+type\s+role\s+missing\s+distinct\s+min\s+mean\s+max/);
    expect(run.stdout).toMatch(/\nmass_g\s+integer\s+feature\s+1\s+4\s+3600\s+4037\.5\s+5000/);
    expect(run.stdout).toContain('Adelie (3)');
  });

  it('never passes terminal escape sequences from the file through to the terminal', async () => {
    const run = await workbench('profile', escapePath);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout).toContain('\\u001b[2Jboom');
  });
});

describe('workbench profile on bad input', () => {
  const refused = Object.entries(
    JSON.parse(readFileSync(join(corpus, 'expected.json'), 'utf8')) as Record<string, { loads: boolean }>,
  )
    .filter(([, e]) => !e.loads)
    .map(([name]) => name);

  /** What the CLI must print for a file the parser refuses: its message, on one line. */
  function expectedStderr(path: string): string {
    try {
      parseCsv(readFileSync(path));
    } catch (error) {
      expect(error).toBeInstanceOf(WorkbenchError);
      return `error: ${(error as WorkbenchError).message.replace(/\s*[\r\n]+\s*/g, ' ')}\n`;
    }
    throw new Error(`${path} loaded, but the corpus says it is refused`);
  }

  it.each(CHILD_BAD)(
    '%s (child process): exits 1 with the parser’s message as one stderr line and nothing on stdout',
    async (name) => {
      const path = join(corpus, name);
      const run = await workbench('profile', path, '--json');
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(expectedStderr(path));
    },
  );

  it.each(refused)('%s (in process): exits 1 with exactly one stderr line and nothing on stdout', async (name) => {
    const path = join(corpus, name);
    const run = await workbenchInProcess('profile', path);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(expectedStderr(path));
    expect(run.stderr.split('\n')).toHaveLength(2);
  });

  it('exits 1 with one line when the file does not exist', async () => {
    const run = await workbench('profile', join(dir, 'missing.csv'));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^error: Cannot read ".*missing\.csv": no such file\. Check the path and try again\.\n$/,
    );
  });

  it('exits 1 with one line when given a directory', async () => {
    const run = await workbenchInProcess('profile', dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: ".*" is a directory\. Give the path of a CSV file inside it\.\n$/);
  });
});

describe('workbench command line', () => {
  it('prints usage on stderr and exits 2 for an unknown command', async () => {
    const run = await workbench('frobnicate');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: unknown command "frobnicate"\.\n/);
    expect(run.stderr).toContain('Usage: workbench <command>');
    expect(run.stderr).toContain('profile');
  });

  it('prints usage on stderr and exits 2 without a command', async () => {
    const run = await workbenchInProcess();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: workbench <command>');
  });

  it('prints help on stdout and exits 0 for --help and for profile --help', async () => {
    const [top, sub] = [await workbenchInProcess('--help'), await workbenchInProcess('profile', '--help')];
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('Usage: workbench <command>');
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('Usage: workbench profile <file.csv> [--json]');
  });

  it('exits 2 with the profile usage for a missing file argument or an unknown option', async () => {
    const [none, unknown] = [
      await workbenchInProcess('profile'),
      await workbenchInProcess('profile', samplePath, '--yaml'),
    ];
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^error: Give the CSV file to profile\.\n/);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error: .*--yaml/);
    expect(unknown.stderr).toContain('Usage: workbench profile');
  });

  it('prints the package version', async () => {
    const run = await workbenchInProcess('--version');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}\n`);
  });
});
