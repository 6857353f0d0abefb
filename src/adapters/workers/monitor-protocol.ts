/**
 * What the Monitor area asks of the monitor worker (types only). Windows,
 * drift, replays and retraining read and write the workspace from inside
 * the worker, so the page stays responsive while they run.
 */
import type { DataTable } from '../../core/data/types.ts';
import type { DriftInjection } from '../../core/monitor/lab/inject-drift.ts';
import type { MonitorInput, MonitorReport } from '../../core/monitor/monitor-model.ts';
import type { RetrainingRecord } from '../../core/monitor/monitor-types.ts';
import type { WindowComparison, WindowComparisonInput } from '../../core/monitor/windows/window-comparison.ts';
import type { RetrainInput } from '../../core/monitor/retraining/retrain-model.ts';
import type { Environment } from '../../core/serving/deployments/deployment-types.ts';

/** A Drift lab replay: a dataset version, the drift to inject, and whether to save the drifted rows as a version. */
export interface LabReplayRequest {
  modelName: string;
  env: Environment;
  datasetVersionId: string;
  injections: DriftInjection[];
  labelDelay: number;
  seed: number;
  /** Name of the dataset version to save the drifted rows as; null to save none. */
  saveAs: string | null;
  logId: string;
  actor: string;
  now: string;
}

export interface LabReplay {
  logId: string;
  traffic: DataTable;
  injected: string[];
  savedVersionId: string | null;
}

export interface MonitorWorkerApi {
  monitor(input: MonitorInput): Promise<MonitorReport>;
  replay(request: LabReplayRequest): Promise<LabReplay>;
  /** One window's every drift statistic and distributions against the training reference, for its charts. */
  compareWindow(input: WindowComparisonInput): Promise<WindowComparison>;
  /** Runs the retraining policy once; `platform` is recorded with the run. */
  retrain(input: RetrainInput, platform: string): Promise<RetrainingRecord>;
}
