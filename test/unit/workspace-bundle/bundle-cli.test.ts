import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/core/hash/sha256.ts';
import { root, workbench, workbenchInProcess } from '../cli/run-workbench.ts';

// One workspace grown as a CI pipeline would grow it, assessed at each step
// (workbench maturity), then exported as a bundle and imported elsewhere.
const IRIS = join(root, 'public/samples/iris.csv');

let dir: string;
let ws: string;
let zipPath: string;
const cli = (...args: string[]) => workbenchInProcess(...args, '--workspace', ws);
const maturity = async () => JSON.parse((await cli('maturity', '--json')).stdout);
const levels: number[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'workbench-bundle-'));
  ws = join(dir, 'ws');
  zipPath = join(dir, 'ws.zip');
  mkdirSync(ws);
  // An empty folder is not yet a workspace; the first train makes it one.
  for (let i = 0; i < 2; i++) {
    const run = await workbench(
      'train',
      IRIS,
      '--target',
      'species',
      '--model',
      'logistic',
      '--workspace',
      ws,
      '--register',
      'iris',
      ...(i ? ['--json'] : []),
    );
    expect(run.code).toBe(0);
    if (i === 0) levels.push((await maturity()).level);
  }
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('workbench maturity', () => {
  it('prints level, criteria (id, level, met, evidence) and next, and rises as the workspace grows', async () => {
    // After one run: data is versioned and a version registered, but no spec has run twice.
    expect(levels).toEqual([0]);
    const first = await maturity();
    expect(Object.keys(first)).toEqual(['level', 'criteria', 'next']);
    expect(first.level).toBe(1);
    expect(Object.keys(first.criteria[0])).toEqual(['id', 'level', 'met', 'evidence']);
    expect(first.criteria.find((c: { id: string }) => c.id === 'repeated-pipeline').evidence).toMatch(
      /^spec [0-9a-f]{8} run 2 times$/,
    );
    expect(first.next.map((s: { id: string }) => s.id)).toEqual([
      'promotion-gates',
      'promoted-version',
      'deployed-version',
    ]);

    expect((await cli('gates', 'iris', '--set', '{"metrics":[{"metric":"accuracy","min":0.8}]}')).code).toBe(0);
    expect((await cli('promote', 'iris', '2', '--stage', 'Production')).code).toBe(0);
    const gated = await maturity();
    expect(gated.level).toBe(1);
    expect(gated.next.map((s: { id: string }) => s.id)).toEqual(['deployed-version']);

    expect((await cli('deploy', 'iris', '2', '--env', 'production')).code).toBe(0);
    const deployed = await maturity();
    expect(deployed.level).toBe(2);
    expect(deployed.next.map((s: { id: string }) => s.id)).toEqual([
      'drift-alerts',
      'prediction-log',
      'retraining-trigger',
    ]);
    expect(deployed.criteria.find((c: { id: string }) => c.id === 'verified-audit').met).toBe(true);
    const text = (await cli('maturity')).stdout;
    expect(text).toContain('maturity level 2 (CI/CD for ML)');
    expect(text).toContain('[x] L2 A version is deployed with a rollback plan: 1 deployment');
  }, 120_000);
});

describe('workbench bundle', () => {
  it('exports the workspace and imports it into a new folder where everything verifies', async () => {
    const exported = await cli('bundle', 'export', '--out', zipPath);
    expect(exported.code, exported.stderr).toBe(0);
    const target = join(dir, 'copy');
    const imported = await workbenchInProcess('bundle', 'import', zipPath, '--workspace', target);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/audit chain verified \(\d+ events, head [0-9a-f]{64}\)/);
    const verify = await workbenchInProcess('audit', 'verify', '--workspace', target, '--json');
    expect(verify.code).toBe(0);
    const original = await cli('audit', 'list', '--json');
    expect((await workbenchInProcess('audit', 'list', '--workspace', target, '--json')).stdout).toBe(original.stdout);
    for (const cmd of [['models', 'iris'], ['deployments'], ['maturity']]) {
      const a = await cli(...cmd, '--json');
      const b = await workbenchInProcess(...cmd, '--workspace', target, '--json');
      expect(b.stdout).toBe(a.stdout);
    }
    // The imported workspace takes new work, extending the same chain.
    expect((await workbenchInProcess('promote', 'iris', '1', '--stage', 'Staging', '--workspace', target)).code).toBe(
      0,
    );
    expect((await workbenchInProcess('audit', 'verify', '--workspace', target)).code).toBe(0);
  }, 60_000);

  it('holds every record kind, every blob and the audit log, each listed with its SHA-256', async () => {
    const files = unzipSync(readFileSync(zipPath));
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(manifest.format).toBe('mlops-workbench-workspace-bundle');
    const names = Object.keys(files)
      .filter((n) => n !== 'manifest.json')
      .sort();
    expect(manifest.files.map((f: { path: string }) => f.path).sort()).toEqual(names);
    for (const entry of manifest.files) expect(await sha256Hex(files[entry.path])).toBe(entry.sha256);
    expect(names).toEqual(
      expect.arrayContaining([
        'audit.json',
        'records/datasetVersions.json',
        'records/runs.json',
        'records/modelVersions.json',
        'records/deployments.json',
        'records/onlineFeatures.json',
      ]),
    );
    expect(names.filter((n) => n.startsWith('blobs/')).length).toBe(manifest.counts.blobs);
    expect(manifest.counts.runs).toBe(2);
  });

  async function refused(bytes: Uint8Array, pattern: RegExp): Promise<void> {
    const bad = join(dir, `bad-${Math.abs(bytes.length)}-${pattern.source.length}.zip`);
    writeFileSync(bad, bytes);
    const target = join(dir, `target-${pattern.source.length}-${bytes.length}`);
    const run = await workbenchInProcess('bundle', 'import', bad, '--workspace', target);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(pattern);
    expect(run.stderr).toContain('nothing was imported');
    // The target was left untouched, and no staging folder was left behind.
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('.import-'))).toEqual([]);
  }

  it('refuses a bundle whose blob was changed, naming the file', async () => {
    const files = unzipSync(readFileSync(zipPath));
    const blob = Object.keys(files).find((n) => n.startsWith('blobs/'))!;
    files[blob] = files[blob].slice();
    files[blob][10] ^= 1;
    await refused(zipSync(files), new RegExp(`"${blob}" does not match its SHA-256 in the manifest`));
  });

  it('refuses a truncated bundle', async () => {
    const bytes = readFileSync(zipPath);
    await refused(new Uint8Array(bytes.subarray(0, Math.floor(bytes.length * 0.6))), /cannot be unpacked|truncated/);
  });

  it('refuses a bundle with a removed file or an added one', async () => {
    const files = unzipSync(readFileSync(zipPath));
    const without = { ...files };
    delete without['records/deployments.json'];
    await refused(zipSync(without), /"records\/deployments.json" is listed in the manifest but missing/);
    await refused(
      zipSync({ ...files, 'extra.txt': new Uint8Array([1]) }),
      /"extra.txt" is in the zip but not in its manifest/,
    );
  });

  it('refuses an edited record even when the manifest was rewritten to match, naming the record', async () => {
    const files = unzipSync(readFileSync(zipPath));
    const path = 'records/models.json';
    const text = new TextDecoder().decode(files[path]).replace('"min": 0.8', '"min": 0.1');
    expect(text).toContain('"min": 0.1');
    files[path] = new TextEncoder().encode(text);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    const entry = manifest.files.find((f: { path: string }) => f.path === path);
    entry.sha256 = await sha256Hex(files[path]);
    entry.bytes = files[path].byteLength;
    files['manifest.json'] = new TextEncoder().encode(JSON.stringify(manifest));
    await refused(zipSync(files), /audit chain does not verify: model "iris" differs from what event \d+ wrote/);
  });

  it('refuses a non-empty target and a file that is not a bundle, leaving both as they were', async () => {
    const occupied = join(dir, 'occupied');
    mkdirSync(occupied);
    writeFileSync(join(occupied, 'notes.txt'), 'mine');
    const run = await workbenchInProcess('bundle', 'import', zipPath, '--workspace', occupied);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is not empty (it holds notes.txt)');
    expect(readdirSync(occupied)).toEqual(['notes.txt']);
    const csv = await workbenchInProcess('bundle', 'import', IRIS, '--workspace', join(dir, 'never'));
    expect(csv.code).toBe(1);
    expect(csv.stderr).toContain('not a zip archive, so it cannot be a workspace bundle');
  });
});
