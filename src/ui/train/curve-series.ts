/**
 * Chart series from stored results: a run's training curve, ROC and PR
 * curves per class, actual-vs-predicted dots. Plain functions so the
 * components stay declarative.
 */
import type { ClassificationReport } from '../../core/metrics/index.ts';
import { findModel } from '../../core/models/catalogue.ts';
import type { CurvePoint, RunRecord } from '../../core/train/run-record.ts';
import { SERIES_COLORS, type ChartSeries } from './chart-series.ts';

const color = (i: number) => SERIES_COLORS[i % SERIES_COLORS.length];

/** What a run's curve measures, as its model kind says: e.g. loss per epoch (MLP) or the objective per iteration (logistic). */
export function curveAxis(kind: string): { x: string; y: string } {
  return findModel(kind)?.curve ?? { x: 'epoch', y: 'loss' };
}

/** Whether a model kind draws a live training curve. */
export function hasCurve(kind: string | null): boolean {
  return !!findModel(kind)?.curve;
}

/** Whether a model kind runs on TF.js (and so on a backend). */
export function usesBackend(kind: string | null): boolean {
  return findModel(kind)?.runtime === 'tfjs';
}

/** Loss and, where measured, validation loss. */
export function lossSeries(curve: readonly CurvePoint[], prefix = ''): ChartSeries[] {
  const xs = curve.map((p) => p.step);
  const series: ChartSeries[] = [{ label: `${prefix}loss`, xs, ys: curve.map((p) => p.loss), color: color(0) }];
  if (curve.some((p) => p.valLoss !== null)) {
    series.push({ label: `${prefix}val loss`, xs, ys: curve.map((p) => p.valLoss), color: color(1), dash: [6, 4] });
  }
  return series;
}

/** Each run's loss (and val loss, dashed) in its own colour, for comparing runs. */
export function overlaidLoss(runs: readonly RunRecord[]): ChartSeries[] {
  return runs.flatMap((run, i) => {
    if (run.curve.length === 0) return [];
    const xs = run.curve.map((p) => p.step);
    const own: ChartSeries[] = [{ label: `${run.name} loss`, xs, ys: run.curve.map((p) => p.loss), color: color(i) }];
    if (run.curve.some((p) => p.valLoss !== null)) {
      own.push({
        label: `${run.name} val loss`,
        xs,
        ys: run.curve.map((p) => p.valLoss),
        color: color(i),
        dash: [6, 4],
      });
    }
    return own;
  });
}

/** One-vs-rest ROC curve of each class present in the held-out rows. */
export function rocSeries(report: ClassificationReport): ChartSeries[] {
  return (report.rocCurves ?? []).flatMap((curve, k) =>
    curve
      ? [
          {
            label: `${report.confusion.labels[k]} (AUC ${auc(report.perClass[k]?.rocAuc)})`,
            xs: curve.fpr,
            ys: curve.tpr,
            color: color(k),
          },
        ]
      : [],
  );
}

/** One-vs-rest precision-recall curve of each class, recall on x. */
export function prSeries(report: ClassificationReport): ChartSeries[] {
  return (report.prCurves ?? []).flatMap((curve, k) =>
    curve
      ? [
          {
            label: `${report.confusion.labels[k]} (AP ${auc(report.perClass[k]?.averagePrecision)})`,
            xs: curve.recall,
            ys: curve.precision,
            color: color(k),
          },
        ]
      : [],
  );
}

/** Held-out actual (x) against predicted (y) as dots, and the diagonal where they agree. */
export function residualSeries(sample: readonly [number, number, number][]): ChartSeries[] {
  const actual = sample.map((s) => s[1]);
  // Folded, not spread into Math.min/max: a spread of a long array overflows the call stack.
  let low = Infinity;
  let high = -Infinity;
  for (const [, a, p] of sample) {
    low = Math.min(low, a, p);
    high = Math.max(high, a, p);
  }
  return [
    { label: 'held-out rows', xs: actual, ys: sample.map((s) => s[2]), color: color(0), dots: true },
    { label: 'predicted = actual', xs: [low, high], ys: [low, high], color: '#868e96', dash: [4, 4] },
  ];
}

function auc(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(3);
}
