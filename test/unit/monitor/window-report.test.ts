import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { categoricalTable } from '../../../src/core/monitor/windows/table-rows.ts';
import { logWindows, type WindowEntry } from '../../../src/core/monitor/windows/log-windows.ts';
import { windowReport } from '../../../src/core/monitor/windows/window-report.ts';
import type { MonitorReference } from '../../../src/core/monitor/windows/training-reference.ts';
import { computeDriftReport } from '../../../src/core/monitor/drift/index.ts';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/monitor/wilson.json', import.meta.url), 'utf8')) as {
  cases: { correct: number; labelled: number; low: number; high: number }[];
};

const reference = {
  features: { rowCount: 0, columns: [] },
  predictions: ['a', 'b', 'a', 'b'],
} as unknown as MonitorReference;

/** A window of `labelled` requests with labels, `correct` of them right, plus two whose label never arrived. */
function window(correct: number, labelled: number): WindowEntry[] {
  const entries: WindowEntry[] = [];
  for (let i = 0; i < labelled + 2; i++) {
    const arrived = i < labelled;
    entries.push({
      logId: 'replay-1',
      request: i,
      row: i,
      version: 'm@1',
      served: true,
      output: 'a',
      latencyMs: 0,
      label: arrived ? (i < correct ? 'a' : 'b') : 'b',
      labelAt: arrived ? i : null,
    });
  }
  return entries;
}

describe('window accuracy', () => {
  it.each(fixture.cases)(
    '$correct of $labelled labelled: Wilson interval as statsmodels',
    ({ correct, labelled, low, high }) => {
      const entries = window(correct, labelled);
      const { windows } = logWindows(entries, 'm@1', entries.length);
      const report = windowReport(windows[0], reference, null, computeDriftReport);
      expect(report.accuracy!.labelled).toBe(labelled);
      expect(report.accuracy!.accuracy).toBe(correct / labelled);
      expect(report.accuracy!.errorRate).toBe((labelled - correct) / labelled);
      expect(report.accuracy!.interval[0]).toBeCloseTo(low, 12);
      expect(report.accuracy!.interval[1]).toBeCloseTo(high, 12);
      expect(report.drift).toBeNull();
    },
  );
});

describe('log windows', () => {
  it('cuts the served requests of one version, leaving out a trailing window under half the size', () => {
    const entries = window(10, 10).concat(window(3, 3).map((e) => ({ ...e, request: e.request + 12 })));
    const shadowed = entries.map((e) => ({ ...e, served: false, version: 'm@2' }));
    const { windows, leftOut } = logWindows([...entries, ...shadowed], 'm@1', 7);
    expect(windows.map((w) => w.key)).toEqual(['replay-1:0+7', 'replay-1:7+7']);
    expect(leftOut).toBe(3);
    expect(logWindows(entries, 'm@1', 6).windows.map((w) => w.entries.length)).toEqual([6, 6, 5]);
  });

  it('reports prediction drift of the outputs against the reference predictions', () => {
    const { windows } = logWindows(window(5, 5), 'm@1', 7);
    const report = windowReport(windows[0], reference, null, computeDriftReport);
    // Reference half a, half b; the window answers only a.
    expect(report.outputShares).toEqual({ a: 1 });
    expect(report.predictionDrift).toMatchObject({ name: 'prediction', drifted: true });
    expect(categoricalTable('p', ['x', 'y', 'x']).columns[0]).toMatchObject({ dictionary: ['x', 'y'] });
  });
});
