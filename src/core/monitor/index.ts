/**
 * Monitoring a served model and retraining it: windows of the prediction
 * log against the training reference, alert rules, the retraining policy
 * and its loop. The drift statistics are in `drift/`.
 */
export { servingVersion, requireServingVersion } from './champion.ts';
export type { ColumnDriftSummary, DriftFunction, DriftSummary } from './drift-port.ts';
export { evaluateRules, type AlertScope } from './alerts/evaluate-rules.ts';
export { monitorCycle, type MonitorCycle } from './monitor-loop.ts';
export { monitorModel, type MonitorDeps, type MonitorInput, type MonitorReport } from './monitor-model.ts';
export { readMonitorPolicy, setDriftTests, setMonitorPolicy } from './monitor-policy.ts';
export * from './monitor-types.ts';
export { retrainModel, type RetrainDeps, type RetrainInput } from './retraining/retrain-model.ts';
export { retrainingSpec } from './retraining/retraining-spec.ts';
export { retrainingTriggers, servedRequests } from './retraining/retraining-triggers.ts';
export { DEFAULT_WINDOW, logWindows, type LogWindow, type WindowEntry } from './windows/log-windows.ts';
export { readWindowEntries } from './windows/read-window-entries.ts';
export { categoricalTable, takeRows } from './windows/table-rows.ts';
export { trainingReference, trainingRows, type MonitorReference } from './windows/training-reference.ts';
export { windowReport, type WindowAccuracy, type WindowReport } from './windows/window-report.ts';
export { describeInjection, injectDrift, type DriftInjection } from './lab/inject-drift.ts';
export { replayServed, type ServedReplayInput } from './lab/replay-served.ts';
