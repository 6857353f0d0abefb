import type { DataTable } from '../../data/types.ts';
import type { ColumnDriftSummary, DriftFunction, DriftSummary } from '../drift-port.ts';
import { wilsonInterval } from '../../metrics/confidence-interval.ts';
import type { LogWindow } from './log-windows.ts';
import { categoricalTable, takeRows } from './table-rows.ts';
import type { MonitorReference } from './training-reference.ts';

/** Accuracy of a window over the requests whose label had arrived by the end of their replay. */
export interface WindowAccuracy {
  labelled: number;
  correct: number;
  accuracy: number;
  /** 95% Wilson score interval. */
  interval: [number, number];
  /** Share of the labelled requests answered wrongly. */
  errorRate: number;
}

/** What one window of the prediction log shows against the training reference. */
export interface WindowReport {
  index: number;
  key: string;
  firstRequest: number;
  lastRequest: number;
  size: number;
  /** Input drift of the version's features; null when the traffic rows are not available. */
  drift: DriftSummary | null;
  /** Drift of the outputs against the version's predictions on the reference rows. */
  predictionDrift: ColumnDriftSummary;
  /** Share of each output in the window. */
  outputShares: Record<string, number>;
  /** Null until at least one label arrived. */
  accuracy: WindowAccuracy | null;
}

/**
 * Reports one window: feature drift (when `traffic` holds the replayed rows,
 * indexed by the log's `row`), prediction drift, and accuracy with its
 * Wilson interval over the labels that arrived (`labelAt` set: delayed
 * labels that came in before the replay ended).
 */
export function windowReport(
  win: LogWindow,
  reference: MonitorReference,
  traffic: DataTable | null,
  drift: DriftFunction,
): WindowReport {
  const { entries } = win;
  const outputs = entries.map((e) => e.output);
  const predictionDrift = drift(
    categoricalTable('prediction', reference.predictions),
    categoricalTable('prediction', outputs),
  ).columns[0];
  const features = reference.features.columns.map((c) => c.name);
  const current =
    traffic &&
    takeRows(
      traffic,
      entries.map((e) => e.row),
      features,
    );
  return {
    index: win.index,
    key: win.key,
    firstRequest: entries[0].request,
    lastRequest: entries[entries.length - 1].request,
    size: entries.length,
    drift: current ? drift(reference.features, current) : null,
    predictionDrift,
    outputShares: shares(outputs),
    accuracy: accuracyOf(win),
  };
}

function accuracyOf(win: LogWindow): WindowAccuracy | null {
  let labelled = 0;
  let correct = 0;
  for (const e of win.entries) {
    if (e.label === null || e.labelAt === null) continue;
    labelled++;
    if (e.output === e.label) correct++;
  }
  if (labelled === 0) return null;
  return {
    labelled,
    correct,
    accuracy: correct / labelled,
    interval: interval(correct, labelled),
    errorRate: (labelled - correct) / labelled,
  };
}

function shares(values: string[]): Record<string, number> {
  const counts: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  for (const k of Object.keys(counts)) counts[k] /= values.length;
  return counts;
}

function interval(correct: number, labelled: number): [number, number] {
  const { low, high } = wilsonInterval(correct, labelled, 0.95);
  return [low, high];
}
