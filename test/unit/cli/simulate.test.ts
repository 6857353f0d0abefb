import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileWorkspaceStore } from '../../../src/adapters/folder-store/file-workspace-store.ts';
import { readPredictionLog } from '../../../src/core/serving/replay/read-prediction-log.ts';
import { root, workbenchInProcess } from './run-workbench.ts';

// workbench simulate over iris@1 (logistic) and iris@2 (forest), replaying the iris file itself.
const IRIS = join(root, 'public/samples/iris.csv');

let dir: string;
let ws: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'workbench-cli-simulate-'));
  ws = join(dir, 'ws');
  const train = (...args: string[]) => workbenchInProcess('train', IRIS, ...args, '--workspace', ws, '--json');
  for (const model of ['logistic', 'forest'])
    expect((await train('--target', 'species', '--model', model, '--register', 'iris')).code).toBe(0);
  expect((await train('--target', 'sepal_length', '--model', 'linear', '--register', 'sepal')).code).toBe(0);
  expect((await workbenchInProcess('deploy', 'iris', '1', '--env', 'production', '--workspace', ws)).code).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const simulate = (strategy: string, ...args: string[]) =>
  workbenchInProcess(
    'simulate',
    '--workspace',
    ws,
    '--strategy',
    strategy,
    '--stable',
    'iris@1',
    '--candidate',
    'iris@2',
    '--traffic',
    IRIS,
    '--target',
    'species',
    ...args,
  );
const json = async (strategy: string, ...args: string[]) => {
  const run = await simulate(strategy, ...args, '--json');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
};
const deployments = async () => (await workbenchInProcess('deployments', '--workspace', ws, '--json')).stdout;

describe('workbench simulate', () => {
  it('ab: groups, the z-test of candidate minus stable, the planned size and an early-look warning', async () => {
    const r = await json('ab', '--split', '0.5', '--seed', '3');
    expect(r.strategy).toBe('ab');
    expect(r.decision).toBe('no-decision');
    expect(r.groups.stable.n + r.groups.candidate.n).toBe(150);
    expect(Object.keys(r.groups.stable)).toEqual(['n', 'correct']);
    const ps = r.groups.stable.correct / r.groups.stable.n;
    const pc = r.groups.candidate.correct / r.groups.candidate.n;
    expect(r.test.difference).toBeCloseTo(pc - ps, 12);
    expect(Object.keys(r.test)).toEqual(['z', 'pValue', 'difference', 'ci']);
    expect(r.plannedSize).toBeGreaterThan(150);
    expect(r.warning).toMatch(/^Early look/);
    // Same seed, same routing.
    expect((await json('ab', '--split', '0.5', '--seed', '3')).groups).toEqual(r.groups);
  });

  it('shadow: agreement and McNemar with b, c, statistic, p-value and the method used', async () => {
    const r = await json('shadow');
    expect(r.agreement).toBeGreaterThan(0.9);
    expect(r.agreement).toBeLessThanOrEqual(1);
    expect(Object.keys(r.mcnemar)).toEqual(['b', 'c', 'statistic', 'pValue', 'method']);
    expect(r.mcnemar.method).toBe('exact');
    expect(r.mcnemar.statistic).toBe(Math.min(r.mcnemar.b, r.mcnemar.c));
  });

  it('is a dry run without --apply: a promotion changes no stage and no deployment', async () => {
    const before = await deployments();
    const r = await json('canary', '--min-labelled', '5', '--label-delay', '10');
    expect(r.decision).toBe('promoted');
    expect(r.applied).toBe(false);
    expect(r.effects).toEqual({ promotion: null, deployment: null });
    expect(await deployments()).toBe(before);
  });

  it('canary: the error-rate and latency guardrails are configurable and reported per step', async () => {
    const r = await json(
      'canary',
      '--min-labelled',
      '5',
      '--guardrail',
      'error-rate',
      '--margin',
      '0.2',
      '--max-latency-ms',
      '1000',
    );
    expect(r.guardrails).toEqual({ metric: 'error-rate', margin: 0.2, maxLatencyMs: 1000 });
    const step = r.steps[0];
    expect(step.candidateErrorRate).toBeCloseTo(1 - step.candidateAccuracy, 12);
    expect(step.errorRate.difference).toBeCloseTo(step.candidateErrorRate - step.stableErrorRate, 12);
    expect(step.latency.limitMs).toBe(1000);
    expect(step.latency.candidateP95Ms).toBeGreaterThanOrEqual(0);
    expect((await simulate('canary', '--guardrail', 'speed')).code).toBe(2);
    expect((await simulate('canary', '--max-latency-ms', '-1')).code).toBe(2);
  });

  it('canary: steps with share, n, both accuracies and a verdict', async () => {
    const r = await json('canary', '--min-labelled', '5', '--label-delay', '10', '--apply');
    expect(r.steps.length).toBeGreaterThan(0);
    for (const step of r.steps)
      expect(Object.keys(step)).toEqual(
        expect.arrayContaining(['share', 'n', 'stableAccuracy', 'candidateAccuracy', 'verdict']),
      );
    expect(r.steps[0].share).toBe(0.05);
    expect(r.steps[0].breached).toEqual([]);
    expect(r.guardrails).toEqual({ metric: 'accuracy', margin: 0, maxLatencyMs: null });
    expect(r.applied).toBe(true);
    expect(r.labelDelay).toBe(10);
    // A passed final step promotes: iris@2 moves to Production and replaces iris@1 in production.
    expect(r.decision).toBe('promoted');
    expect(r.effects.promotion).toEqual({ outcome: 'done', failedGates: [] });
    expect(r.effects.deployment.id).toBe('iris/production#2');
    const list = JSON.parse(await deployments()).deployments;
    expect(list.find((d: { id: string }) => d.id === 'iris/production#2')).toMatchObject({
      active: true,
      via: 'canary',
      replaces: 'iris/production#1',
    });
  });

  it('refuses bad input with a message that says what to change, leaving deployments as they were', async () => {
    const before = await deployments();
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, 'sepal_length,sepal_width,petal_length,petal_width,species\n');
    const cases: [string[], string][] = [
      [['--traffic', empty], 'no data rows'],
      [['--target', 'colour'], 'The traffic has no column "colour"'],
      [['--candidate', 'sepal@1'], 'a rollout compares two models of the same task'],
      [['--candidate', 'iris@1'], 'Roll out a different version'],
      [['--candidate', 'iris@9'], 'has no version 9'],
    ];
    for (const [args, message] of cases) {
      const run = await workbenchInProcess(
        'simulate',
        '--workspace',
        ws,
        '--strategy',
        'ab',
        '--stable',
        'iris@1',
        '--candidate',
        'iris@2',
        '--traffic',
        IRIS,
        '--target',
        'species',
        ...args,
      );
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toContain(message);
    }
    expect(await deployments()).toBe(before);
    const usage = await simulate('rainbow');
    expect(usage.code).toBe(2);
  });

  it('keeps the prediction log and the verdict in the workspace, and the audit chain holds', async () => {
    const r = await json('bluegreen', '--min-labelled', '20');
    expect(r.logBatches).toBe(1);
    const audit = JSON.parse((await workbenchInProcess('audit', 'list', '--workspace', ws, '--json')).stdout) as {
      type: string;
      subject: string;
    }[];
    expect(audit.filter((e) => e.type === 'deployment.simulated').at(-1)!.subject).toBe(r.logId);
    const store = await FileWorkspaceStore.open(ws);
    const entries = await readPredictionLog(store, r.logId);
    // Blue/green logs the candidate's served answer and the idle stable's until the decision.
    expect(entries.filter((e) => e.served)).toHaveLength(150);
    expect(new Set(entries.map((e) => e.version))).toEqual(new Set(['iris@1', 'iris@2']));
    expect((await workbenchInProcess('audit', 'verify', '--workspace', ws)).code).toBe(0);
  });
});
