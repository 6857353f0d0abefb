import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileWorkspaceStore } from '../../../src/adapters/folder-store/file-workspace-store.ts';
import { verifyChain } from '../../../src/core/audit/verify-chain.ts';
import { root, workbenchInProcess, type Run } from './run-workbench.ts';

// `--workspace` on train and run, and `workbench audit verify|list`.
const IRIS = join(root, 'public/samples/iris.csv');

let dir: string;
let ws: string;
let first: Run;
let second: Run;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'workbench-cli-ws-'));
  ws = join(dir, 'ws');
  first = await workbenchInProcess('train', IRIS, '--target', 'species', '--workspace', ws);
  second = await workbenchInProcess(
    'train',
    IRIS,
    '--target',
    'species',
    '--model',
    'logistic',
    '--workspace',
    ws,
    '--json',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the trained workspace to tamper with. */
function copy(name: string): string {
  const target = join(dir, name);
  cpSync(ws, target, { recursive: true });
  return target;
}

const auditLines = (workspace: string) => readFileSync(join(workspace, 'audit.jsonl'), 'utf8').split('\n').slice(0, -1);
const writeLines = (workspace: string, lines: string[]) =>
  writeFileSync(join(workspace, 'audit.jsonl'), `${lines.join('\n')}\n`);

describe('workbench train --workspace', () => {
  it('saves the CSV once as a dataset version with the browser’s id and stores each run with its audit events', async () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    const report = JSON.parse(second.stdout);
    const profile = JSON.parse((await workbenchInProcess('profile', IRIS, '--json')).stdout);
    expect(report.datasetVersionId).toBe(profile.versionId);
    expect(report.datasetVersionCreated).toBe(false);
    expect(report.workspace).toBe(ws);
    expect(Object.keys(report).at(-1)).toBe('spec');

    const store = await FileWorkspaceStore.open(ws, { create: false });
    const versions = await store.listDatasetVersions();
    expect(versions.map((v) => [v.id, v.name, v.rowCount])).toEqual([[profile.versionId, 'iris', 150]]);
    const runs = await store.listRuns();
    expect(runs.map((r) => [r.name, r.status])).toEqual([
      ['logistic #2', 'completed'],
      ['forest #1', 'completed'],
    ]);
    expect(runs[0].id).toBe(report.runId);
    expect(first.stdout).toContain(`run       ${runs[1].id}`);
    expect(first.stdout).toContain(`saved as new dataset version ${profile.versionId.slice(0, 12)}`);
    // The stored run is the run reported: same metrics, and its model is in the blob store.
    expect(runs[0].outcome!.metrics).toMatchObject({
      accuracy: report.metrics.accuracy,
      f1Macro: report.metrics.f1Macro,
    });
    expect(await store.getBlob(runs[0].outcome!.modelBlob)).toHaveLength(runs[0].outcome!.modelBytes);

    const audit = await store.listAudit();
    expect(audit.map((e) => e.type)).toEqual([
      'dataset.version_saved',
      'run.started',
      'run.completed',
      'run.started',
      'run.completed',
    ]);
    expect(audit.every((e) => e.actor === 'cli')).toBe(true);
    expect(verifyChain(audit)).toMatchObject({ ok: true, count: 5 });
  });

  it('prints no run or workspace fields without --workspace', async () => {
    const run = await workbenchInProcess('train', IRIS, '--target', 'species', '--model', 'logistic', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect([report.runId, report.workspace, report.datasetVersionCreated]).toEqual([undefined, undefined, undefined]);
    expect(report.metrics).toEqual(JSON.parse(second.stdout).metrics);
  });

  it('stores a failed run and its run.failed event, and exits 1', async () => {
    const failing = join(dir, 'failing');
    const run = await workbenchInProcess('train', IRIS, '--target', 'nope', '--workspace', failing);
    expect(run.code).toBe(1);
    const store = await FileWorkspaceStore.open(failing, { create: false });
    expect((await store.listRuns()).map((r) => r.status)).toEqual(['failed']);
    expect((await store.listAudit()).map((e) => e.type)).toEqual([
      'dataset.version_saved',
      'run.started',
      'run.failed',
    ]);
  });

  it('writes every held-out prediction with --predictions in a workspace too', async () => {
    const out = join(dir, 'p.csv');
    const run = await workbenchInProcess(
      'train',
      IRIS,
      '--target',
      'species',
      '--model',
      'logistic',
      '--workspace',
      join(dir, 'with-predictions'),
      '--predictions',
      out,
    );
    expect(run.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('row,actual,predicted,p_setosa,p_versicolor,p_virginica');
    expect(lines).toHaveLength(1 + 30);
  });
});

describe('workbench run --workspace', () => {
  it('runs a saved spec into the workspace, reusing its dataset version', async () => {
    const target = copy('run-into');
    const specPath = join(dir, 'spec.json');
    writeFileSync(specPath, JSON.stringify(JSON.parse(second.stdout).spec));
    const run = await workbenchInProcess('run', specPath, '--data', IRIS, '--workspace', target, '--json');
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(report.datasetVersionCreated).toBe(false);
    expect(report.metrics).toEqual(JSON.parse(second.stdout).metrics);
    const store = await FileWorkspaceStore.open(target, { create: false });
    expect((await store.listRuns())[0]).toMatchObject({ id: report.runId, name: 'logistic #3' });
    expect(await store.listDatasetVersions()).toHaveLength(1);
  });
});

describe('workbench audit', () => {
  it('verify: exit 0 with the event count and head hash of an intact workspace', async () => {
    const run = await workbenchInProcess('audit', 'verify', '--workspace', ws);
    const head = JSON.parse(auditLines(ws).at(-1)!).hash;
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(`audit chain intact: 5 events, head ${head}`);
    expect(run.stdout).toContain('data intact: 3 blobs checked');
  });

  it('verify: exit 1 naming the event that was edited', async () => {
    const target = copy('edited');
    const lines = auditLines(target);
    lines[1] = lines[1].replace('"actor":"cli"', '"actor":"mallory"');
    writeLines(target, lines);
    const run = await workbenchInProcess('audit', 'verify', '--workspace', target);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('event 2: event 2 was edited');
    expect(run.stderr).toMatch(/failed verification: event 2/);
  });

  it('verify: exit 1 naming a deleted event, two reordered events and a deleted last event', async () => {
    const deleted = copy('deleted');
    writeLines(
      deleted,
      auditLines(deleted).filter((_, i) => i !== 2),
    );
    expect((await workbenchInProcess('audit', 'verify', '--workspace', deleted)).stdout).toContain(
      'event 3: event 3 is missing: it was deleted',
    );

    const reordered = copy('reordered');
    const lines = auditLines(reordered);
    [lines[1], lines[2]] = [lines[2], lines[1]];
    writeLines(reordered, lines);
    const run = await workbenchInProcess('audit', 'verify', '--workspace', reordered);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('event 2: events are out of order');

    const truncated = copy('truncated');
    writeLines(truncated, auditLines(truncated).slice(0, -1));
    const tail = await workbenchInProcess('audit', 'verify', '--workspace', truncated);
    expect(tail.code).toBe(1);
    expect(tail.stdout).toContain('event 5: the log ends at event 4 but the workspace recorded 5 events');
  });

  it('verify: exit 1 naming a blob whose bytes changed and the record that uses it', async () => {
    const target = copy('blob');
    const store = await FileWorkspaceStore.open(target, { create: false });
    const [version] = await store.listDatasetVersions();
    const [latest] = await store.listRuns();
    for (const hash of [version.id, latest.outcome!.modelBlob]) {
      const path = join(target, 'blobs', hash);
      const bytes = readFileSync(path);
      bytes[bytes.length - 9] ^= 1;
      writeFileSync(path, bytes);
    }
    const run = await workbenchInProcess('audit', 'verify', '--workspace', target);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('audit chain intact: 5 events');
    expect(run.stdout).toContain('records ALTERED');
    expect(run.stdout).toContain(
      `blobs/${version.id} (used by dataset version "iris" (${version.id.slice(0, 12)})): blob "${version.id}" differs from what event 1 wrote: its bytes were changed`,
    );
    expect(run.stdout).toContain(
      `blobs/${latest.outcome!.modelBlob} (used by run "logistic #2" (${latest.id})): blob "${latest.outcome!.modelBlob}" differs from what event 5 wrote`,
    );
  });

  it('verify: exit 1 when a dataset version’s bytes do not decode to a table with its id', async () => {
    const target = copy('dataset');
    // Point the version record at a blob that hashes correctly but is a model, not a table.
    const store = await FileWorkspaceStore.open(target, { create: false });
    const [version] = await store.listDatasetVersions();
    const [latest] = await store.listRuns();
    const model = readFileSync(join(target, 'blobs', latest.outcome!.modelBlob));
    const recordPath = join(target, 'records', 'datasetVersions', `${version.id}.json`);
    writeFileSync(
      join(target, 'records', 'datasetVersions', `${latest.outcome!.modelBlob}.json`),
      readFileSync(recordPath, 'utf8')
        .replaceAll(version.id, latest.outcome!.modelBlob)
        .replace(`"byteLength": ${version.byteLength}`, `"byteLength": ${model.byteLength}`),
    );
    rmSync(recordPath);
    const run = await workbenchInProcess('audit', 'verify', '--workspace', target, '--json');
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    // The renamed record is named twice by the chain (one version gone, one no event wrote), and its bytes are no table.
    expect(result.problems.map((p: { kind: string; file?: string }) => [p.kind, p.file])).toEqual([
      ['binding', `records/datasetVersions/${version.id}.json`],
      ['binding', `records/datasetVersions/${latest.outcome!.modelBlob}.json`],
      ['dataset', undefined],
    ]);
    expect(result.problems.slice(2)).toEqual([
      {
        kind: 'dataset',
        versionId: latest.outcome!.modelBlob,
        reason: expect.stringMatching(/no longer decode to a table/),
      },
    ]);
  });

  it('list: prints the events, filtered by type or family, as a table or JSON', async () => {
    const table = await workbenchInProcess('audit', 'list', '--workspace', ws);
    expect(table.code).toBe(0);
    expect(
      table.stdout
        .split('\n')
        .slice(1, -1)
        .map((l) => l.trim().split(/\s+/)[3]),
    ).toEqual(['dataset.version_saved', 'run.started', 'run.completed', 'run.started', 'run.completed']);
    const json = JSON.parse(
      (await workbenchInProcess('audit', 'list', '--workspace', ws, '--type', 'run.completed', '--json')).stdout,
    );
    expect(json.map((e: { seq: number }) => e.seq)).toEqual([3, 5]);
    const family = JSON.parse(
      (await workbenchInProcess('audit', 'list', '--workspace', ws, '--type', 'run', '--json')).stdout,
    );
    expect(family).toHaveLength(4);
    const unknown = await workbenchInProcess('audit', 'list', '--workspace', ws, '--type', 'runs');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'No audit event type is "runs". Use a family (dataset, column, run, model, deployment, monitor, retraining, features, workspace, audit)',
    );
  });

  it('says there is no workspace (exit 1) instead of creating one, and rejects a bad command line (exit 2)', async () => {
    const missing = join(dir, 'missing');
    const run = await workbenchInProcess('audit', 'verify', '--workspace', missing);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`There is no workspace at ${missing}`);
    expect(existsSync(missing)).toBe(false);
    const defaulted = await workbenchInProcess('audit', 'list');
    expect(defaulted.stderr).toContain(join(root, 'workbench-data'));
    expect((await workbenchInProcess('audit', 'check', '--workspace', ws)).code).toBe(2);
    expect((await workbenchInProcess('audit')).code).toBe(2);
    expect(readdirSync(ws)).not.toContain('lock');
  });
});
