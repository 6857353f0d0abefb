import { describe, expect, it } from 'vitest';
import { monitorRunner } from '../../../src/adapters/workers/monitor-runner.ts';
import { computeDriftReport } from '../../../src/core/monitor/drift/index.ts';
import { compareWindow } from '../../../src/core/monitor/windows/window-comparison.ts';
import { servedIris } from '../state/fakes/workspace-seed.ts';

async function replayedIris() {
  const { context, version } = await servedIris();
  const runner = monitorRunner(context.store, async () => computeDriftReport);
  const replay = await runner.replay({
    modelName: 'iris',
    env: 'production',
    datasetVersionId: version.id,
    injections: [],
    labelDelay: 0,
    seed: 1,
    saveAs: null,
    logId: 'lab-1',
    actor: 'ana',
    now: context.now(),
  });
  return { context, replay };
}

describe('compareWindow', () => {
  it('says what to do when the traffic rows or the window are missing', async () => {
    const { context, replay } = await replayedIris();
    const selection = { modelName: 'iris', env: 'production' as const, windowSize: 50, logId: replay.logId };
    await expect(compareWindow(context.store, { ...selection, traffic: null, index: 0 })).rejects.toMatchObject({
      code: 'monitor.no_traffic_rows',
    });
    await expect(compareWindow(context.store, { ...selection, traffic: replay.traffic, index: 3 })).rejects.toThrow(
      'There is no window 4: the log has 3 windows of 50 requests.',
    );
  });

  it('compares the whole unshifted replay with the training rows: no column drifts', async () => {
    const { context, replay } = await replayedIris();
    const whole = await compareWindow(context.store, {
      modelName: 'iris',
      env: 'production',
      windowSize: 150,
      logId: replay.logId,
      traffic: replay.traffic,
      index: 0,
    });
    expect(whole).toMatchObject({ index: 0, firstRequest: 0, lastRequest: 149, version: 'iris@1' });
    const names = whole.report.columns.map((c) => c.name);
    expect(names).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
    // All 150 rows against the 80% the model was trained on: no column drifts.
    expect(whole.report.columns.every((c) => !c.drifted)).toBe(true);
    expect(whole.report.columns.every((c) => c.currentCount === 150)).toBe(true);
  });
});
