import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, workbench, workbenchInProcess } from '../../cli/run-workbench.ts';

// `workbench data export|import` over a workspace folder: a CSV saved as a
// version, exported as Parquet, Arrow and CSV, and each file imported back
// as the same version (same id, nothing stored twice).
const PENGUINS = join(root, 'public/samples/penguins.csv');

let dir: string;
let ws: string;
let id: string;

const cli = (...args: string[]) => workbenchInProcess(...args, '--workspace', ws);
const json = async (...args: string[]) => {
  const run = await cli(...args, '--json');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'workbench-data-cli-'));
  ws = join(dir, 'ws');
  id = (await json('data', 'import', PENGUINS)).version;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('workbench data export and import', () => {
  it('saves a CSV under the id the profile command gives the same file', async () => {
    const profile = await workbenchInProcess('profile', PENGUINS, '--json');
    expect(JSON.parse(profile.stdout).versionId).toBe(id);
  });

  it.each(['parquet', 'arrow', 'csv'] as const)(
    'exports as %s and imports back as the same version',
    async (format) => {
      const out = join(dir, `penguins.${format}`);
      const written = await json('data', 'export', 'penguins', '--format', format, '--out', out);
      expect(written).toMatchObject({ format, version: id, file: out });
      const imported = await json('data', 'import', out, '--name', `from-${format}`);
      expect(imported).toMatchObject({ version: id, format, created: false, rows: 344, columns: 7 });
    },
  );

  it('finds the version by an id prefix, and writes an Arrow file apache-arrow reads', async () => {
    const out = join(dir, 'by-id.arrow');
    await json('data', 'export', id.slice(0, 10), '--out', out);
    const table = tableFromIPC(readFileSync(out));
    expect(table.numRows).toBe(344);
    expect(table.schema.metadata.get('workbench.dataset_version_id')).toBe(id);
  });

  it('runs as the real command too', async () => {
    const run = await workbench(
      'data',
      'export',
      'penguins',
      '--format',
      'parquet',
      '--out',
      join(dir, 'bin.parquet'),
      '--workspace',
      ws,
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^exported penguins \([0-9a-f]{12}, 344 rows\) as parquet to /);
  });

  it('refuses a corrupt Parquet file without creating a workspace', async () => {
    const bad = join(dir, 'bad.parquet');
    const good = readFileSync(join(dir, 'penguins.parquet'));
    writeFileSync(bad, good.subarray(0, 300));
    const other = join(dir, 'never');
    const run = await workbenchInProcess('data', 'import', bad, '--workspace', other);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('not a readable Parquet file');
    expect(existsSync(other)).toBe(false);
  });

  it('names the versions there are when the name is unknown, and refuses an unknown format', async () => {
    const missing = await cli('data', 'export', 'nope', '--out', join(dir, 'x.parquet'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No dataset version has the id or name "nope". Use one of: penguins');
    const format = await cli('data', 'export', 'penguins', '--format', 'xlsx', '--out', join(dir, 'x'));
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('Unknown format "xlsx". Use one of: csv, parquet, arrow.');
  });
});
