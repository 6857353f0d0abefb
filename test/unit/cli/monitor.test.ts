import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMonitorCommand } from '../../../src/cli/commands/monitor.ts';
import { computeDriftReport } from '../../../src/core/monitor/drift/index.ts';
import { root, workbenchInProcess } from './run-workbench.ts';

// workbench monitor and workbench retrain over a workspace where iris@1
// serves production and a replay of shifted iris rows is in the log.
const LINES = readFileSync(join(root, 'public/samples/iris.csv'), 'utf8').trim().split('\n');
const SHUFFLED = Array.from({ length: 150 }, (_, i) => LINES[1 + ((i * 37) % 150)]);
const shift = (line: string) => {
  const [sl, sw, pl, pw, species] = line.split(',');
  return [sl, sw, (Number(pl) + 2.5).toFixed(1), (Number(pw) + 1).toFixed(1), species].join(',');
};

let dir: string;
let ws: string;
let traffic: string;
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function monitor(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await createMonitorCommand(async () => computeDriftReport).run(args, {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'workbench-cli-monitor-'));
  ws = join(dir, 'ws');
  const iris = join(root, 'public/samples/iris.csv');
  for (const model of ['logistic', 'forest'])
    expect(
      (
        await workbenchInProcess(
          'train',
          iris,
          '--target',
          'species',
          '--model',
          model,
          '--register',
          'iris',
          '--workspace',
          ws,
        )
      ).code,
    ).toBe(0);
  expect((await workbenchInProcess('deploy', 'iris', '1', '--env', 'production', '--workspace', ws)).code).toBe(0);
  traffic = write('shifted.csv', `${LINES[0]}\n${SHUFFLED.map(shift).join('\n')}\n`);
  const sim = await workbenchInProcess(
    ...['simulate', '--workspace', ws, '--strategy', 'shadow', '--stable', 'iris@1', '--candidate', 'iris@2'],
    ...['--traffic', traffic, '--target', 'species', '--label-delay', '10'],
  );
  expect(sim.code, sim.stderr).toBe(0);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('workbench monitor', () => {
  it('--json: per window the drift summary, prediction drift, accuracy with its interval, and the alerts', async () => {
    const policy = write(
      'policy.json',
      JSON.stringify({
        rules: [
          { id: 'drift', kind: 'drift_share', threshold: 0.5 },
          { id: 'accuracy', kind: 'accuracy_drop', threshold: 0.1, minLabelled: 30 },
        ],
      }),
    );
    const run = await monitor(
      'iris',
      '--env',
      'production',
      '--workspace',
      ws,
      '--window',
      '50',
      '--traffic',
      traffic,
      '--policy',
      policy,
      '--json',
    );
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.version).toBe('iris@1');
    expect(r.windows).toHaveLength(3);
    expect(Object.keys(r.windows[0])).toEqual([
      'index',
      'key',
      'firstRequest',
      'lastRequest',
      'size',
      'drift',
      'predictionDrift',
      'outputShares',
      'accuracy',
    ]);
    // The last 10 labels never arrive during the replay.
    expect(r.windows.map((w: { accuracy: { labelled: number } }) => w.accuracy.labelled)).toEqual([50, 50, 40]);
    expect(r.windows[0].drift.columns.map((c: { name: string }) => c.name)).toEqual([
      'sepal_length',
      'sepal_width',
      'petal_length',
      'petal_width',
    ]);
    expect(r.alerts.filter((a: { ruleId: string }) => a.ruleId === 'drift')).toHaveLength(3);
    expect(r.alerts.every((a: { new: boolean }) => a.new)).toBe(true);
    const audit = JSON.parse(
      (await workbenchInProcess('audit', 'list', '--workspace', ws, '--type', 'monitor', '--json')).stdout,
    );
    expect(audit.map((e: { type: string }) => e.type)).toEqual([
      'monitor.policy_set',
      ...r.alerts.map(() => 'monitor.alert_raised'),
    ]);
  });

  it('text: one block per window and the alerts, already raised ones not new', async () => {
    const run = await monitor('iris', '--env', 'production', '--workspace', ws, '--window', '75');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^iris@1 serving production: 2 windows of 75 requests/);
    expect(run.stdout).toMatch(/note: Feature drift needs the replayed traffic rows/);
    expect(run.stdout).toMatch(/accuracy {4}\d+\.\d% \[\d+\.\d%, \d+\.\d%\] on 75 labels/);
  });
});

describe('workbench retrain', () => {
  it('fails with a clear message when the newer data lacks a column; the champion keeps serving', async () => {
    const rows = SHUFFLED.map((l) =>
      l
        .split(',')
        .filter((_, i) => i !== 2)
        .join(','),
    );
    const lacking = write('lacking.csv', `sepal_length,sepal_width,petal_width,species\n${rows.join('\n')}\n`);
    const run = await workbenchInProcess('retrain', 'iris', '--workspace', ws, '--data', lacking);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /names "petal_length", which dataset version "lacking" .* iris@1 keeps serving production/,
    );
    expect(run.stdout).toMatch(/✗ failed/);
  });

  it('--data: trains on the newer file, registers, passes the gates, promotes and deploys', async () => {
    const newer = write('newer.csv', `${LINES[0]}\n${[...SHUFFLED.map(shift), ...SHUFFLED.slice(0, 30)].join('\n')}\n`);
    const run = await workbenchInProcess('retrain', 'iris', '--workspace', ws, '--data', newer, '--json');
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r).toMatchObject({ modelName: 'iris', champion: 'iris@1', challenger: 'iris@3', outcome: 'promoted' });
    expect(r.trigger).toMatch(/^new data "newer"/);
    expect(r.steps.map((s: { step: string }) => s.step)).toEqual([
      'trigger',
      'data',
      'trained',
      'registered',
      'gates',
      'promoted',
      'deployed',
    ]);
    const deployments = JSON.parse(
      (await workbenchInProcess('deployments', 'iris', '--workspace', ws, '--json')).stdout,
    );
    expect(JSON.stringify(deployments)).toMatch(/"iris\/production#2"/);
  });

  it('asks for the model name', async () => {
    const run = await workbenchInProcess('retrain', '--workspace', ws);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Name the model to retrain/);
  });
});
