/**
 * Monitoring a served model over its prediction log: windows of the
 * requests its serving version answered, each against the training
 * reference (feature drift, prediction drift, accuracy with its interval
 * once labels arrived), the alert rules checked on every window, and the
 * new alerts stored with their audit events.
 */
import { monitorAlertRaised } from '../audit/events/monitor-events.ts';
import type { DataTable } from '../data/types.ts';
import type { TfRuntime } from '../models/tf-runtime.ts';
import type { WorkspaceStore } from '../ports.ts';
import type { Environment } from '../serving/deployments/deployment-types.ts';
import { evaluateRules } from './alerts/evaluate-rules.ts';
import type { DriftFunction } from './drift-port.ts';
import { readMonitorPolicy } from './monitor-policy.ts';
import type { Alert, MonitorPolicy } from './monitor-types.ts';
import { servedWindows, type WindowSelection } from './windows/served-windows.ts';
import { trainingReference } from './windows/training-reference.ts';
import { windowReport, type WindowReport } from './windows/window-report.ts';

export interface MonitorInput extends WindowSelection {
  /** The replayed traffic rows (the log's `row` indexes them), for feature drift; null to skip it. */
  traffic: DataTable | null;
  actor: string;
  now: string;
}

export interface MonitorDeps {
  drift: DriftFunction;
  tf?: TfRuntime | null;
}

export interface MonitorReport {
  modelName: string;
  env: Environment;
  /** The version whose requests were windowed. */
  version: string;
  reference: string;
  baselineAccuracy: number | null;
  windowSize: number;
  /** Requests of a trailing window too short to report. */
  leftOut: number;
  windows: WindowReport[];
  /** Every alert the rules raise on these windows; `new` ones were stored now. */
  alerts: (Alert & { new: boolean })[];
  policy: MonitorPolicy;
  /** Why feature drift is missing, when it is. */
  notes: string[];
}

/**
 * Monitors `modelName` in `env` (see the file comment). Alerts already
 * stored (same rule and window) are reported but not raised again.
 *
 * @throws WorkbenchError `monitor.not_deployed`, `monitor.no_traffic_logged`, `monitor.bad_window`, `monitor.no_reference`
 */
export async function monitorModel(
  store: WorkspaceStore,
  input: MonitorInput,
  deps: MonitorDeps,
): Promise<MonitorReport> {
  const { version, windows, leftOut } = await servedWindows(store, input);
  const reference = await trainingReference(store, version, deps.tf ?? null);
  const notes: string[] = [];
  if (!input.traffic)
    notes.push(
      'Feature drift needs the replayed traffic rows (the log keeps row numbers, not features): pass the traffic file.',
    );
  else {
    const missing = reference.features.columns
      .map((c) => c.name)
      .filter((n) => !input.traffic!.columns.some((c) => c.name === n));
    if (missing.length)
      notes.push(`The traffic lacks ${missing.map((m) => `"${m}"`).join(', ')}; drift covers the other features.`);
  }
  const policy = await readMonitorPolicy(store, input.modelName);
  // The user's per-column tests (set on the drift dashboard) judge the windows too.
  const tests = policy.driftTests;
  const drift: DriftFunction = tests ? (r, c) => deps.drift(r, c, { tests }) : deps.drift;
  const reports = windows.map((w) => windowReport(w, reference, input.traffic, drift));
  const raised = evaluateRules(policy.rules, reports, {
    modelName: input.modelName,
    env: input.env,
    version: version.id,
    baselineAccuracy: reference.baselineAccuracy,
    raisedAt: input.now,
  });
  const alerts: MonitorReport['alerts'] = [];
  for (const alert of raised) {
    const stored = await store.getRecord('alerts', alert.id);
    if (stored) {
      alerts.push({ ...stored, new: false });
      continue;
    }
    const { id: _id, raisedAt: _at, ...data } = alert;
    await store.commit(
      { puts: [{ kind: 'alerts', value: alert }], expect: [{ kind: 'alerts', key: alert.id, equals: undefined }] },
      monitorAlertRaised({ at: input.now, actor: input.actor }, alert.id, data),
    );
    alerts.push({ ...alert, new: true });
  }
  return {
    modelName: input.modelName,
    env: input.env,
    version: version.id,
    reference: reference.description,
    baselineAccuracy: reference.baselineAccuracy,
    windowSize: input.windowSize,
    leftOut,
    windows: reports,
    alerts,
    policy,
    notes,
  };
}
