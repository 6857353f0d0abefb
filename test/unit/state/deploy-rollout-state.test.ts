import { describe, expect, it, vi } from 'vitest';
import { readPredictionLog } from '../../../src/core/serving/replay/read-prediction-log.ts';
import { DeployState } from '../../../src/state/deploy-state.svelte.ts';
import { PredictionLogState } from '../../../src/state/deploy-log-state.svelte.ts';
import { parseSteps, RolloutState } from '../../../src/state/deploy-rollout-state.svelte.ts';
import { inProcessReplayer } from './fakes/in-process-replayer.ts';
import { deployWorkspace } from './deploy-seed.ts';

async function setup() {
  const seeded = await deployWorkspace();
  const replayer = inProcessReplayer(seeded.context.store);
  const deploy = new DeployState(seeded.context, replayer);
  const rollout = new RolloutState(seeded.context, replayer);
  const log = new PredictionLogState(seeded.context);
  await deploy.refresh();
  await deploy.deploy('1', 'production', seeded.iris.id);
  const version = (n: number) => deploy.versions.find((v) => v.version === n)!;
  rollout.datasetVersionId = seeded.traffic.id;
  return { ...seeded, replayer, deploy, rollout, log, version };
}

describe('parseSteps', () => {
  it('reads ascending percentages ending at 100 as shares, and refuses anything else', () => {
    expect(parseSteps('5, 25, 50, 100')).toEqual([0.05, 0.25, 0.5, 1]);
    expect(parseSteps('10 → 100')).toEqual([0.1, 1]);
    expect(parseSteps('50, 25, 100')).toBeNull();
    expect(parseSteps('5, 25')).toBeNull();
    expect(parseSteps('')).toBeNull();
  });
});

describe('RolloutState', () => {
  it('canaries the worse v2: a step breaches, it rolls back, production keeps v1, the log is stored', async () => {
    const { context, deploy, rollout, log, version, replayer } = await setup();
    rollout.strategy = 'canary';
    rollout.candidateId = 'iris@2';
    rollout.minLabelled = 20;
    rollout.labelDelay = 5;
    context.changes.log.length = 0;
    const report = await rollout.start(version(1));
    expect(rollout.error).toBeNull();
    expect(report?.strategy).toBe('canary');
    expect(report?.decision).toBe('rolled-back');
    if (report?.strategy !== 'canary') throw new Error('not a canary');
    expect(report.steps.at(-1)!.verdict).toBe('breached');
    expect(report.steps.at(-1)!.breached).toEqual(['accuracy']);
    expect(report.requests).toBe(1500);
    expect(replayer.progress).toContain('scoring');
    expect(replayer.progress.at(-1)).toBe('storing');
    expect(context.changes.log).toEqual([['registry', 'audit']]);
    await deploy.refresh();
    const production = deploy.environments.find((e) => e.env === 'production')!;
    expect(production.active?.version).toBe(1);
    // The rolled-back candidate never went live: a history line, not a deployment.
    expect(production.neverLive).toMatchObject([
      { logId: report.logId, strategy: 'canary', modelName: 'iris', version: 2, against: 1, applied: true },
    ]);
    expect(production.history.map((d) => d.version)).toEqual([1]);
    await log.refresh();
    expect(log.replays[0]).toMatchObject({ logId: report.logId, strategy: 'canary', decision: 'rolled-back' });
    expect(log.entries).toEqual(await readPredictionLog(context.store, report.logId));
    expect(log.entries).toHaveLength(1500);
    expect(log.page).toHaveLength(100);
  });

  it('paces a replay at the chosen speed and Stop decides on the requests replayed so far', async () => {
    const { context, rollout, log, version } = await setup();
    rollout.strategy = 'shadow';
    rollout.candidateId = 'iris@3';
    rollout.speed = 1000;
    const seen: number[] = [];
    const running = rollout.start(version(1));
    await vi.waitFor(
      () => {
        const p = rollout.progress;
        if (p?.phase === 'replaying') seen.push(p.done);
        expect(seen.some((done) => done > 0)).toBe(true);
      },
      { timeout: 30_000, interval: 20 },
    );
    rollout.stop();
    const report = await running;
    if (report?.strategy !== 'shadow') throw new Error(rollout.error ?? 'not a shadow');
    expect(report.stopped).toBe(true);
    expect(report.requests).toBeGreaterThanOrEqual(Math.max(...seen));
    expect(report.requests).toBeLessThan(1500);
    expect(report.shadowed).toBe(report.requests);
    await log.refresh();
    expect(log.replays[0]).toMatchObject({ logId: report.logId, requests: report.requests });
    expect(new Set((await readPredictionLog(context.store, report.logId)).map((e) => e.request)).size).toBe(
      report.requests,
    );
  });

  it('shadows v3, then A/B tests it at the size its power analysis planned', async () => {
    const { context, deploy, rollout, version } = await setup();
    rollout.strategy = 'shadow';
    rollout.candidateId = 'iris@3';
    const shadow = await rollout.start(version(1));
    if (shadow?.strategy !== 'shadow') throw new Error(rollout.error ?? 'not a shadow');
    expect(shadow.shadowed).toBe(1500);
    expect(shadow.agreement).toBeGreaterThan(0.8);
    expect(['exact', 'chi-squared']).toContain(shadow.mcnemar.method);

    rollout.strategy = 'ab';
    rollout.effect = 0.2;
    const plan = rollout.powerPlan(version(1));
    expect(plan?.total).toBe(plan!.stable + plan!.candidate);
    const traffic = (await context.store.listDatasetVersions()).find((v) => v.id === rollout.datasetVersionId);
    expect(rollout.earlyLook(plan, traffic)).toBeNull();
    rollout.effect = 0.01;
    expect(rollout.earlyLook(rollout.powerPlan(version(1)), traffic)).toMatch(/early look/);
    rollout.effect = 0.2;
    const ab = await rollout.start(version(1));
    if (ab?.strategy !== 'ab') throw new Error(rollout.error ?? 'not an A/B test');
    expect(ab.plannedSize).toBe(plan!.total);
    expect(ab.warning).toBeNull();
    expect(ab.test).not.toBeNull();
    // Two good forests on iris: not significantly different at the planned size, so nothing moves.
    expect(ab.test!.pValue).toBeGreaterThanOrEqual(0.05);
    expect(ab.decision).toBe('no-decision');
    expect(ab.applied).toBe(true);
    expect(ab.effects).toEqual({ promotion: null, deployment: null });
    await deploy.refresh();
    expect(deploy.environments.find((e) => e.env === 'production')!.active?.version).toBe(1);
  });

  it('a dry run (apply off) decides but changes no deployment; bad settings are named', async () => {
    const { rollout, deploy, version } = await setup();
    rollout.strategy = 'bluegreen';
    rollout.candidateId = 'iris@3';
    rollout.minLabelled = 50;
    rollout.apply = false;
    const report = await rollout.start(version(1));
    expect(report?.applied).toBe(false);
    expect(report?.effects).toEqual({ promotion: null, deployment: null });
    await deploy.refresh();
    expect(deploy.environments.find((e) => e.env === 'production')!.active?.version).toBe(1);

    rollout.strategy = 'canary';
    rollout.canarySteps = '50, 10';
    expect(await rollout.start(version(1))).toBeNull();
    expect(rollout.error).toMatch(/ascending percentages ending at 100/);
    rollout.canarySteps = '5, 100';
    rollout.target = 'colour';
    expect(await rollout.start(version(1))).toBeNull();
    expect(rollout.error).toContain('The traffic has no column "colour"');
  });

  it('exports the log on show as CSV', async () => {
    const { context, rollout, log, version } = await setup();
    rollout.strategy = 'shadow';
    rollout.candidateId = 'iris@3';
    rollout.shadowFraction = 0.5;
    const report = await rollout.start(version(1));
    await log.refresh();
    log.exportCsv();
    const file = context.downloads.at(-1)!;
    expect(file.fileName).toBe(`${report!.logId}.csv`);
    const lines = String(file.content).trim().split('\r\n');
    expect(lines[0]).toBe('request,row,version,served,output,latency_ms,label,label_at');
    expect(lines).toHaveLength(1 + log.entries.length);
    log.servedOnly = true;
    expect(log.shownEntries).toHaveLength(1500);
  });
});
