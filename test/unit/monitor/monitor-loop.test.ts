import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileWorkspaceStore } from '../../../src/adapters/folder-store/file-workspace-store.ts';
import { draftFromCsv, profileDraft } from '../../../src/core/data/draft.ts';
import { parseCsv } from '../../../src/core/data/ingest/parse-csv.ts';
import { encodeWithId } from '../../../src/core/data/versions/dataset-id.ts';
import { saveDraftAsVersion } from '../../../src/core/data/versions/save-version.ts';
import { wilsonInterval } from '../../../src/core/metrics/confidence-interval.ts';
import {
  monitorCycle,
  monitorModel,
  retrainModel,
  setDriftTests,
  setMonitorPolicy,
  DEFAULT_RETRAINING,
  injectDrift,
  replayServed,
  type AlertRule,
} from '../../../src/core/monitor/index.ts';
import { seededRng } from '../../../src/core/random/rng.ts';
import { activeDeployment } from '../../../src/core/serving/deployments/plan-deploy.ts';
import { root, workbenchInProcess } from '../cli/run-workbench.ts';
import { cachedDriftFunction, computeDriftReport } from '../../../src/core/monitor/drift/index.ts';
import { verifyStore } from '../../../src/core/audit/verify-store.ts';

// The loop end to end in Node: iris@1 serves production; replayed traffic is
// monitored in windows; a shifted replay raises alerts; the policy retrains
// on newer data, registers, gates, promotes and deploys the challenger.
const IRIS = readFileSync(join(root, 'public/samples/iris.csv'), 'utf8').trim().split('\n');
const HEADER = IRIS[0];
// A fixed shuffle (37 is coprime with 150), so every window mixes the species.
const SHUFFLED = Array.from({ length: 150 }, (_, i) => IRIS[1 + ((i * 37) % 150)]);
const shifted = (line: string) => {
  const [sl, sw, pl, pw, species] = line.split(',');
  return [sl, sw, (Number(pl) + 2.5).toFixed(1), (Number(pw) + 1).toFixed(1), species].join(',');
};
const ACTOR = 'ana';
const RULES: AlertRule[] = [
  { id: 'drift', kind: 'drift_share', threshold: 0.5 },
  { id: 'petal', kind: 'feature_statistic', column: 'petal_length', statistic: 'ksStatistic', threshold: 0.3 },
  { id: 'accuracy', kind: 'accuracy_drop', threshold: 0.1, minLabelled: 30 },
  { id: 'errors', kind: 'error_rate', threshold: 0.3, minLabelled: 30 },
];
const ENVIRONMENT = {
  backend: null,
  backendReason: null,
  tfjsVersion: '4.22.0',
  workbenchVersion: 'test',
  platform: 'node',
};

let dir: string;
let ws: string;
let store: FileWorkspaceStore;
// After the CLI's own timestamps, so the versions saved here are the newest.
let clock = Date.now() + 60_000;
const now = () => (clock += 1000);
const iso = () => new Date(now()).toISOString();
const file = (name: string, lines: string[]) => {
  const path = join(dir, name);
  writeFileSync(path, `${[HEADER, ...lines].join('\n')}\n`);
  return path;
};
const table = (path: string) => parseCsv(readFileSync(path)).table;
async function saveVersion(path: string, name: string) {
  const bytes = readFileSync(path);
  const parsed = parseCsv(bytes);
  const draft = draftFromCsv(parsed, `${name}.csv`, bytes.byteLength);
  return (
    await saveDraftAsVersion(store, draft, {
      name,
      note: '',
      actor: ACTOR,
      now: now(),
      encoded: await encodeWithId(parsed.table),
      profile: profileDraft(draft),
    })
  ).version;
}
async function replay(traffic: string): Promise<string> {
  const run = await workbenchInProcess(
    ...['simulate', '--workspace', ws, '--strategy', 'shadow', '--stable', 'iris@1', '--candidate', 'iris@2'],
    ...['--traffic', traffic, '--target', 'species', '--label-delay', '5', '--json'],
  );
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout).logId as string;
}
const deps = { drift: computeDriftReport, clock: () => 0, now, environment: ENVIRONMENT };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'workbench-monitor-'));
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
  store = await FileWorkspaceStore.open(ws, { create: false });
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('monitoring windows of the prediction log', () => {
  let control: string;
  it('a replay of the training distribution stays quiet: no drift, accuracy near held-out, no alert', async () => {
    await setMonitorPolicy(store, {
      modelName: 'iris',
      rules: RULES,
      retraining: { ...DEFAULT_RETRAINING, onAlert: false },
      actor: ACTOR,
      now: iso(),
    });
    const traffic = file('control.csv', SHUFFLED);
    control = await replay(traffic);
    const report = await monitorModel(
      store,
      {
        modelName: 'iris',
        env: 'production',
        windowSize: 75,
        traffic: table(traffic),
        logId: control,
        actor: ACTOR,
        now: iso(),
      },
      deps,
    );
    expect(report.version).toBe('iris@1');
    expect(report.reference).toMatch(/training split of "iris" \(120 of 150 rows/);
    expect(report.windows.map((w) => [w.firstRequest, w.lastRequest, w.size])).toEqual([
      [0, 74, 75],
      [75, 149, 75],
    ]);
    for (const w of report.windows) {
      expect(w.drift!.driftShare).toBe(0);
      expect(w.predictionDrift.drifted).toBe(false);
    }
    // Labels arrive 5 requests later: the last 5 never arrive during the replay.
    expect(report.windows.map((w) => w.accuracy!.labelled)).toEqual([75, 70]);
    const a = report.windows[1].accuracy!;
    const w = wilsonInterval(a.correct, a.labelled);
    expect(a.interval).toEqual([w.low, w.high]);
    expect(a.accuracy).toBeGreaterThan(0.9);
    expect(report.alerts).toEqual([]);
  });

  it('judges the windows by the per-column tests saved with the policy, audited, until cleared', async () => {
    const input = {
      modelName: 'iris',
      env: 'production' as const,
      windowSize: 75,
      traffic: table(join(dir, 'control.csv')),
      logId: control,
      actor: ACTOR,
      now: iso(),
    };
    // A PSI threshold no real sample stays under: petal_length now drifts in every window.
    const { policy } = await setDriftTests(store, {
      modelName: 'iris',
      tests: { petal_length: { test: 'psi', threshold: 0.0001 } },
      actor: ACTOR,
      now: iso(),
    });
    expect(policy.rules).toEqual(RULES);
    expect(policy.driftTests).toEqual({ petal_length: { test: 'psi', threshold: 0.0001 } });
    const overridden = await monitorModel(store, input, { ...deps, drift: cachedDriftFunction() });
    for (const w of overridden.windows) {
      const petal = w.drift!.columns.find((c) => c.name === 'petal_length')!;
      expect(petal).toMatchObject({ test: 'psi', drifted: true, reason: 'chosen by the user (psi, threshold 0.0001)' });
      expect(w.drift!.driftShare).toBe(0.25);
    }
    // Saving rules from the policy panel keeps the overrides.
    await setMonitorPolicy(store, {
      modelName: 'iris',
      rules: RULES,
      retraining: policy.retraining,
      actor: ACTOR,
      now: iso(),
    });
    expect((await store.getRecord('monitorPolicies', 'iris'))!.driftTests).toEqual(policy.driftTests);
    const events = (await store.listAudit()).filter((e) => e.type === 'monitor.policy_set');
    expect(events.at(-2)!.data).toMatchObject({ driftTests: policy.driftTests });
    expect(await verifyStore(store)).toMatchObject({ ok: true });

    await setDriftTests(store, { modelName: 'iris', tests: { petal_length: null }, actor: ACTOR, now: iso() });
    expect((await store.getRecord('monitorPolicies', 'iris'))!.driftTests).toBeUndefined();
    const quiet = await monitorModel(store, input, deps);
    for (const w of quiet.windows) expect(w.drift!.driftShare).toBe(0);
    await expect(
      setDriftTests(store, { modelName: 'iris', tests: { petal_length: 'median' as 'ks' }, actor: ACTOR, now: iso() }),
    ).rejects.toMatchObject({ code: 'drift.bad_test' });
  });

  it('a shifted replay raises drift, feature and accuracy alerts, stored once and audited', async () => {
    const traffic = file('shifted.csv', SHUFFLED.map(shifted));
    const logId = await replay(traffic);
    const input = {
      modelName: 'iris',
      env: 'production' as const,
      windowSize: 75,
      traffic: table(traffic),
      logId,
      actor: ACTOR,
      now: iso(),
    };
    const report = await monitorModel(store, input, deps);
    const fired = report.alerts.map((a) => a.ruleId);
    expect(fired).toEqual(['drift', 'petal', 'accuracy', 'errors', 'drift', 'petal', 'accuracy', 'errors']);
    expect(report.alerts.every((a) => a.new)).toBe(true);
    const drop = report.alerts.find((a) => a.ruleId === 'accuracy')!;
    expect(drop.value).toBeCloseTo(report.baselineAccuracy! - report.windows[0].accuracy!.accuracy, 12);
    expect(drop.message).toMatch(/Accuracy fell to .* \(95% CI/);
    const audit = (await store.listAudit()).filter((e) => e.type === 'monitor.alert_raised');
    expect(audit.map((e) => e.subject)).toEqual(report.alerts.map((a) => a.id));
    // Monitoring the same windows again reports them without raising them twice.
    const again = await monitorModel(store, { ...input, now: iso() }, deps);
    expect(again.alerts.every((a) => !a.new)).toBe(true);
    expect((await store.listRecords('alerts')).length).toBe(8);
  });

  it('Drift lab: flipped labels leave the inputs unchanged, yet the accuracy alert fires (concept drift)', async () => {
    const clean = table(file('lab.csv', SHUFFLED));
    const flipped = injectDrift(clean, [{ kind: 'flip_labels', column: 'species', fraction: 0.5 }], seededRng(7));
    const species = flipped.columns[4] as { codes: Int32Array };
    const changed = species.codes.filter((c, r) => c !== (clean.columns[4] as { codes: Int32Array }).codes[r]).length;
    expect(changed).toBeGreaterThan(50);
    expect(changed).toBeLessThan(100);
    const { logId } = await replayServed(
      store,
      {
        modelName: 'iris',
        env: 'production',
        traffic: flipped,
        target: 'species',
        labelDelay: 0,
        logId: 'lab-1',
        injected: ['flip 50% of species'],
        actor: ACTOR,
        now: iso(),
      },
      { clock: () => 0 },
    );
    const report = await monitorModel(
      store,
      { modelName: 'iris', env: 'production', windowSize: 150, traffic: flipped, logId, actor: ACTOR, now: iso() },
      deps,
    );
    expect(report.windows[0].drift!.driftShare).toBe(0);
    expect(report.windows[0].accuracy!.correct).toBeLessThan(100);
    expect(report.alerts.map((a) => a.ruleId)).toEqual(['accuracy', 'errors']);
    const replayed = (await store.listAudit()).find((e) => e.type === 'monitor.traffic_replayed')!;
    expect(replayed.data).toMatchObject({ version: 'iris@1', requests: 150, injected: ['flip 50% of species'] });
    expect(() => injectDrift(clean, [{ kind: 'shift', column: 'species', by: 1 }], seededRng(1))).toThrow(
      /not numeric/,
    );
    const scaled = injectDrift(clean, [{ kind: 'scale', column: 'petal_length', factor: 2 }], seededRng(1));
    const mean = (t: typeof clean) =>
      (t.columns[2] as { values: Float64Array }).values.reduce((a, b) => a + b, 0) / 150;
    expect(mean(scaled)).toBeCloseTo(mean(clean), 9);
  });

  it('says what to change for a one-request window and for a model that serves nothing', async () => {
    const base = {
      modelName: 'iris',
      env: 'production' as const,
      traffic: null,
      logId: null,
      actor: ACTOR,
      now: iso(),
    };
    await expect(monitorModel(store, { ...base, windowSize: 1 }, deps)).rejects.toMatchObject({
      code: 'monitor.bad_window',
    });
    await expect(monitorModel(store, { ...base, env: 'staging', windowSize: 50 }, deps)).rejects.toMatchObject({
      code: 'monitor.not_deployed',
    });
  });
});

describe('the retraining policy', () => {
  it('fails clearly when the newer data lacks a column, leaving the champion serving', async () => {
    const lacking = file('lacking.csv', []);
    writeFileSync(
      lacking,
      `sepal_length,sepal_width,petal_length,species\n${SHUFFLED.map((l) =>
        l
          .split(',')
          .filter((_, i) => i !== 3)
          .join(','),
      ).join('\n')}\n`,
    );
    const version = await saveVersion(lacking, 'iris-lacking');
    const record = await retrainModel(
      store,
      {
        modelName: 'iris',
        trigger: 'manual',
        datasetVersionId: version.id,
        traffic: null,
        runId: 'run-lacking',
        runName: 'lacking',
        actor: ACTOR,
      },
      deps,
    );
    expect(record.outcome).toBe('failed');
    const failed = (await store.listAudit()).filter((e) => e.type === 'retraining.failed').at(-1)!;
    expect(failed.data).toMatchObject({
      code: 'retrain.missing_column',
      champion: 'iris@1',
      note: 'iris@1 keeps serving production; nothing was promoted or deployed.',
    });
    expect((failed.data as { reason: string }).reason).toMatch(
      /names "petal_width", which dataset version "iris-lacking"/,
    );
    expect(activeDeployment(await store.listRecords('deployments'), 'iris', 'production')!.version).toBe(1);
  });

  it('with approval required, registers the challenger and waits; the champion keeps serving', async () => {
    await setMonitorPolicy(store, {
      modelName: 'iris',
      rules: RULES,
      retraining: { ...DEFAULT_RETRAINING, promotion: 'approval' },
      actor: ACTOR,
      now: iso(),
    });
    const newer = await saveVersion(file('newer-a.csv', SHUFFLED.map(shifted)), 'iris-newer-a');
    const record = await retrainModel(
      store,
      {
        modelName: 'iris',
        trigger: 'manual',
        datasetVersionId: newer.id,
        traffic: null,
        runId: 'run-approval',
        runName: 'approval',
        actor: ACTOR,
      },
      deps,
    );
    expect(record.outcome).toBe('waiting_approval');
    expect(record.challenger).toBe('iris@3');
    expect(record.steps.map((s) => s.step)).toEqual(['trigger', 'data', 'trained', 'registered', 'gates', 'waiting']);
    expect(activeDeployment(await store.listRecords('deployments'), 'iris', 'production')!.version).toBe(1);
  });

  it('runs unattended: a shifted replay raises an alert, which retrains, promotes and deploys the challenger', async () => {
    await setMonitorPolicy(store, {
      modelName: 'iris',
      rules: RULES,
      retraining: DEFAULT_RETRAINING,
      actor: ACTOR,
      now: iso(),
    });
    const newerPath = file('newer.csv', [...SHUFFLED.map(shifted), ...SHUFFLED.slice(0, 30)]);
    const newer = await saveVersion(newerPath, 'iris-newer');
    const traffic = file('shifted-2.csv', [...SHUFFLED.map(shifted)].reverse());
    const logId = await replay(traffic);
    const before = (await store.listAudit()).length;
    const cycle = await monitorCycle(
      store,
      {
        modelName: 'iris',
        env: 'production',
        windowSize: 75,
        traffic: table(traffic),
        logId,
        actor: ACTOR,
        now: iso(),
        runId: 'run-auto',
        runName: 'auto',
      },
      deps,
    );
    expect(cycle.monitor.alerts.some((a) => a.new)).toBe(true);
    expect(cycle.triggers[0]).toMatch(/^alert iris\/production:drift:/);
    const r = cycle.retraining!;
    expect(r).toMatchObject({
      outcome: 'promoted',
      champion: 'iris@1',
      challenger: 'iris@4',
      datasetVersionId: newer.id,
    });
    expect(r.steps.map((s) => s.step)).toEqual([
      'trigger',
      'data',
      'trained',
      'registered',
      'gates',
      'promoted',
      'deployed',
    ]);
    expect(activeDeployment(await store.listRecords('deployments'), 'iris', 'production')!.version).toBe(4);
    const types = (await store.listAudit()).slice(before).map((e) => e.type);
    expect(types.filter((t) => !t.startsWith('monitor.'))).toEqual([
      'retraining.started',
      'run.started',
      'run.completed',
      'model.registered',
      'model.stage_changed',
      'deployment.deployed',
      'retraining.finished',
    ]);
    // The new champion has served nothing yet: monitoring says so.
    await expect(
      monitorModel(
        store,
        { modelName: 'iris', env: 'production', windowSize: 75, traffic: null, logId: null, actor: ACTOR, now: iso() },
        deps,
      ),
    ).rejects.toMatchObject({ code: 'monitor.no_traffic_logged' });
  });
});
