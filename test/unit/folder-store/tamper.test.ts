import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, workbenchInProcess } from '../cli/run-workbench.ts';

// Items 1 and 2 of the hardening issue: the audit trail must not forgive a
// cut log, must not depend on audit-head.json alone, and must name a record
// edited, deleted or added outside the workbench.
const IRIS = join(root, 'public/samples/iris.csv');

let dir: string;
let base: string;
let n = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'workbench-tamper-'));
  base = join(dir, 'base');
  const train = await workbenchInProcess(
    'train',
    IRIS,
    '--target',
    'species',
    '--model',
    'logistic',
    '--workspace',
    base,
    '--register',
    'm',
  );
  expect(train.stderr).toBe('');
  expect(train.code).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh copy of the trained workspace. */
function copy(): string {
  const target = join(dir, `ws-${++n}`);
  cpSync(base, target, { recursive: true });
  return target;
}

const verify = (ws: string) => workbenchInProcess('audit', 'verify', '--workspace', ws);
const promote = (ws: string) => workbenchInProcess('promote', 'm', '1', '--stage', 'Staging', '--workspace', ws);
const logLines = (ws: string) => readFileSync(join(ws, 'audit.jsonl'), 'utf8').trimEnd().split('\n');
const writeLog = (ws: string, lines: string[]) =>
  writeFileSync(join(ws, 'audit.jsonl'), lines.length ? `${lines.join('\n')}\n` : '');

describe('a cut audit log', () => {
  it('is intact before anything is changed', async () => {
    const run = await verify(copy());
    expect(run.stdout).toMatch(/^audit chain intact: \d+ events/);
    expect(run.stdout).toContain('records intact');
    expect(run.code).toBe(0);
  });

  it.each([
    ['the last line', (lines: string[]) => lines.slice(0, -1)],
    ['the last three lines', (lines: string[]) => lines.slice(0, -3)],
    ['all but the first line', (lines: string[]) => lines.slice(0, 1)],
    ['every line', () => []],
  ])('with %s deleted: verify exits 1, and a write refuses instead of forgiving it', async (_, cut) => {
    const ws = copy();
    writeLog(ws, cut(logLines(ws)));
    expect((await verify(ws)).code).toBe(1);
    const write = await promote(ws);
    expect(write.code).toBe(1);
    expect(write.stderr).toContain('does not end where the last write left it');
    expect(write.stderr).toContain('Nothing was written');
    expect((await verify(ws)).code).toBe(1);
  });

  it('is still caught with audit-head.json deleted or garbled too', async () => {
    for (const head of [null, '{"seq": "x"', '']) {
      const ws = copy();
      writeLog(ws, logLines(ws).slice(0, -1));
      if (head === null) rmSync(join(ws, 'audit-head.json'));
      else writeFileSync(join(ws, 'audit-head.json'), head);
      const run = await verify(ws);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('audit chain BROKEN');
      expect((await promote(ws)).code).toBe(1);
    }
  });

  it('is caught with both audit.jsonl and audit-head.json deleted while the records remain', async () => {
    const ws = copy();
    rmSync(join(ws, 'audit.jsonl'));
    rmSync(join(ws, 'audit-head.json'));
    const run = await verify(ws);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('intact: 0 events');
    expect(run.stdout).toContain('exists without an event that wrote it');
    const write = await promote(ws);
    expect(write.code).toBe(1);
    expect(write.stderr).toContain('audit.jsonl is empty or missing but the workspace holds records/');
  });

  it('is caught from the records alone when the head is rewritten to match the cut log', async () => {
    const ws = copy();
    const lines = logLines(ws).slice(0, -1);
    writeLog(ws, lines);
    const last = JSON.parse(lines.at(-1)!);
    writeFileSync(join(ws, 'audit-head.json'), JSON.stringify({ seq: last.seq, hash: last.hash }));
    const run = await verify(ws);
    expect(run.code).toBe(1);
    // The cut event was the registration: its model version no event wrote now.
    expect(run.stdout).toContain('records/modelVersions/m@1.json: model version "m@1" exists without an event');
  });
});

describe('a record changed outside the workbench', () => {
  it('named when its stage is edited to Production', async () => {
    const ws = copy();
    const path = join(ws, 'records', 'modelVersions', 'm@1.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"stage": "Development"', '"stage": "Production"'));
    const run = await verify(ws);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'records/modelVersions/m@1.json: model version "m@1" differs from what event 4 wrote: it was edited outside the workbench',
    );
    expect(run.stderr).toContain('failed verification: records/modelVersions/m@1.json');
  });

  it('named when its metrics or artifact hash are edited', async () => {
    const ws = copy();
    const path = join(ws, 'records', 'modelVersions', 'm@1.json');
    const record = JSON.parse(readFileSync(path, 'utf8'));
    record.metrics.accuracy = 1;
    writeFileSync(path, JSON.stringify(record, null, 1));
    expect((await verify(ws)).stdout).toContain('model version "m@1" differs');
  });

  it('named when it is deleted', async () => {
    const ws = copy();
    rmSync(join(ws, 'records', 'modelVersions', 'm@1.json'));
    const run = await verify(ws);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('records/modelVersions/m@1.json: model version "m@1" is missing: event 4 wrote it');
  });

  it('named when one is added', async () => {
    const ws = copy();
    const source = join(ws, 'records', 'modelVersions', 'm@1.json');
    writeFileSync(
      join(ws, 'records', 'modelVersions', 'm@2.json'),
      readFileSync(source, 'utf8').replace('"id": "m@1"', '"id": "m@2"').replace('"version": 1', '"version": 2'),
    );
    const run = await verify(ws);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('records/modelVersions/m@2.json: model version "m@2" exists without an event');
  });

  it('stays intact through further writes', async () => {
    const ws = copy();
    expect((await promote(ws)).code).toBe(0);
    const run = await verify(ws);
    expect(run.stdout).toContain('records intact');
    expect(run.code).toBe(0);
  });
});
