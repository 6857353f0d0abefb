import type { DataTable } from '../../data/types.ts';
import { WorkbenchError } from '../../errors.ts';
import type { WorkspaceStore } from '../../ports.ts';
import { compareWithDistributions, type DriftComparison } from '../drift/drift-comparison.ts';
import { readMonitorPolicy } from '../monitor-policy.ts';
import { servedWindows, type WindowSelection } from './served-windows.ts';
import { takeRows } from './table-rows.ts';
import { referenceFeatures } from './training-reference.ts';

export interface WindowComparisonInput extends WindowSelection {
  /** The replayed traffic rows (the log's `row` indexes them), e.g. the Drift lab's unsaved ones. */
  traffic: DataTable | null;
  /** Which window, from 0, as the monitor numbered them. */
  index: number;
}

/** One window's full drift comparison, for its charts. */
export interface WindowComparison extends DriftComparison {
  index: number;
  firstRequest: number;
  lastRequest: number;
  /** The version that served the window. */
  version: string;
  /** The reference rows, in words. */
  reference: string;
}

/**
 * Every drift statistic and the histograms and ECDFs of one monitoring
 * window's traffic against the serving version's training reference —
 * the drift dashboard's view of a window, so traffic that was replayed but
 * never saved as a dataset version (the Drift lab's) can be inspected
 * column by column. The policy's per-column tests judge it, as they judge
 * the window in the monitor's table.
 *
 * @throws WorkbenchError `monitor.no_traffic_rows`, `monitor.bad_window`, and what servedWindows and referenceFeatures throw
 */
export async function compareWindow(store: WorkspaceStore, input: WindowComparisonInput): Promise<WindowComparison> {
  if (!input.traffic) {
    throw new WorkbenchError(
      'monitor.no_traffic_rows',
      'The prediction log keeps row numbers, not the rows: replay traffic in the Drift lab (or pass the traffic file) to see a window’s columns.',
    );
  }
  const { version, windows } = await servedWindows(store, input);
  const win = windows[input.index];
  if (!win) {
    throw new WorkbenchError(
      'monitor.bad_window',
      `There is no window ${input.index + 1}: the log has ${windows.length} window${windows.length === 1 ? '' : 's'} of ${input.windowSize} requests. Check the windows again and pick one of them.`,
    );
  }
  const reference = await referenceFeatures(store, version);
  const features = reference.features.columns.map((c) => c.name);
  const current = takeRows(
    input.traffic,
    win.entries.map((e) => e.row),
    features,
  );
  const policy = await readMonitorPolicy(store, input.modelName);
  const comparison = compareWithDistributions(reference.features, current, { tests: policy.driftTests });
  return {
    ...comparison,
    index: win.index,
    firstRequest: win.entries[0].request,
    lastRequest: win.entries[win.entries.length - 1].request,
    version: version.id,
    reference: reference.description,
  };
}
