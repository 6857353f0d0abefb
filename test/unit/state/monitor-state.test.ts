import { describe, expect, it } from 'vitest';
import { monitorRunner } from '../../../src/adapters/workers/monitor-runner.ts';
import { MonitorState } from '../../../src/state/monitor-state.svelte.ts';
import { computeDriftReport } from '../../../src/core/monitor/drift/index.ts';
import { servedIris } from './fakes/workspace-seed.ts';

async function setup() {
  const { context, version } = await servedIris();
  let ids = 0;
  const monitor = new MonitorState(context, {
    runner: monitorRunner(context.store, async () => computeDriftReport),
    newId: () => `id-${++ids}`,
  });
  await monitor.refresh();
  context.changes.log.length = 0;
  return { context, version, monitor };
}

describe('MonitorState', () => {
  it('shows the model and the version it serves, with the default policy', async () => {
    const { monitor } = await setup();
    expect(monitor.models).toEqual(['iris']);
    expect(monitor.serving).toBe('iris@1');
    expect(monitor.policy?.rules.map((r) => r.kind)).toEqual(['drift_share', 'accuracy_drop']);
    expect(monitor.alerts).toEqual([]);
  });

  it('Drift lab: a shifted replay raises the drift alert; retraining on the drifted data promotes the challenger', async () => {
    const { context, version, monitor } = await setup();
    const injections = [
      { kind: 'shift' as const, column: 'petal_length', by: 3 },
      { kind: 'shift' as const, column: 'petal_width', by: 1.5 },
      { kind: 'scale' as const, column: 'sepal_length', factor: 3 },
    ];
    expect(await monitor.replay(version.id, injections, { labelDelay: 0, seed: 1, saveAs: 'iris-drifted' })).toBe(true);
    expect(monitor.message).toBe(
      'Replayed 150 requests with shift petal_length by 3, shift petal_width by 1.5, scale sepal_length by 3.',
    );
    expect(context.changes.log).toEqual([['audit', 'datasetVersions']]);
    expect(await monitor.monitor()).toBe(true);
    expect(monitor.report!.windows).toHaveLength(3);
    expect(monitor.report!.windows.every((w) => w.drift!.driftShare >= 0.5)).toBe(true);
    expect(monitor.alerts.map((a) => a.ruleId)).toContain('drift-share');
    expect(monitor.message).toMatch(/^3 windows monitored; \d+ new alerts\.$/);

    const record = await monitor.retrain();
    expect(record).toMatchObject({ outcome: 'promoted', champion: 'iris@1', challenger: 'iris@2' });
    expect(monitor.retrainings.map((r) => r.id)).toEqual(['iris#1']);
    expect(monitor.serving).toBe('iris@2');
  });

  it('opens a window of the lab’s unsaved traffic column by column, and a test chosen there is saved and used', async () => {
    const { monitor } = await setup();
    expect(await monitor.openWindow(0)).toBe(false);
    expect(monitor.error).toBe('Check the windows first, then open one.');
    const injections = [{ kind: 'shift' as const, column: 'petal_length', by: 3 }];
    expect(await monitor.replay(monitor.datasets[0].id, injections, { labelDelay: 0, seed: 1, saveAs: null })).toBe(
      true,
    );
    expect(await monitor.monitor()).toBe(true);
    expect(await monitor.openWindow(1)).toBe(true);
    const open = monitor.window!;
    expect(open).toMatchObject({ index: 1, firstRequest: 50, lastRequest: 99, version: 'iris@1' });
    const petal = open.report.columns.find((c) => c.name === 'petal_length')!;
    expect(petal).toMatchObject({ kind: 'numeric', test: 'ks', drifted: true, currentCount: 50 });
    // The same verdicts as the window's row in the table.
    const row = monitor.report!.windows[1].drift!;
    expect(open.report.columns.map((c) => [c.name, c.drifted])).toEqual(row.columns.map((c) => [c.name, c.drifted]));
    expect(open.distributions.map((d) => d.name).sort()).toEqual(open.report.columns.map((c) => c.name).sort());

    // Iris is sorted by species, so this window (all versicolor) drifts everywhere; a Jensen–Shannon bar of 1 (above its maximum, √ln 2) clears one column.
    const overridden = await monitor.overrideTest('petal_length', { test: 'jensenshannon', threshold: 1 });
    expect(monitor.error).toBeNull();
    expect(overridden).toBe(true);
    expect(monitor.policy?.driftTests).toEqual({ petal_length: { test: 'jensenshannon', threshold: 1 } });
    const judged = monitor.window!.report.columns.find((c) => c.name === 'petal_length')!;
    expect(judged).toMatchObject({ test: 'jensenshannon', threshold: 1, drifted: false });
    expect(monitor.window!.index).toBe(1);
  });

  it('exposes a refused policy as an error and saves a valid one', async () => {
    const { monitor } = await setup();
    const retraining = monitor.policy!.retraining;
    expect(await monitor.savePolicy([{ id: 'x', kind: 'drift_share', threshold: 2 }], retraining)).toBe(false);
    expect(monitor.error).toBe('Alert rule "x": the threshold is a share: give a number between 0 and 1.');
    expect(
      await monitor.savePolicy([{ id: 'x', kind: 'drift_share', threshold: 0.3 }], {
        ...retraining,
        promotion: 'approval',
      }),
    ).toBe(true);
    expect(monitor.policy?.retraining.promotion).toBe('approval');
  });
});
