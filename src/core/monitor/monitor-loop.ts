import { servingVersion } from './champion.ts';
import { monitorModel, type MonitorDeps, type MonitorInput, type MonitorReport } from './monitor-model.ts';
import type { RetrainingRecord } from './monitor-types.ts';
import { retrainModel, type RetrainDeps, type RetrainInput } from './retraining/retrain-model.ts';
import { retrainingTriggers } from './retraining/retraining-triggers.ts';
import type { WorkspaceStore } from '../ports.ts';

/** What one unattended cycle did. */
export interface MonitorCycle {
  monitor: MonitorReport;
  /** The policy's triggers that held (empty: no retraining). */
  triggers: string[];
  retraining: RetrainingRecord | null;
}

/**
 * One unattended cycle of the loop: monitor the prediction log (raising
 * alerts), check the retraining policy's triggers, and retrain when one
 * holds. Run it after each replay to keep a model maintained.
 */
export async function monitorCycle(
  store: WorkspaceStore,
  input: MonitorInput & Omit<RetrainInput, 'trigger' | 'modelName' | 'datasetVersionId' | 'actor'>,
  deps: MonitorDeps & RetrainDeps,
): Promise<MonitorCycle> {
  const monitor = await monitorModel(store, input, deps);
  const champion = (await servingVersion(store, input.modelName, monitor.policy.retraining.env))?.version;
  const triggers = champion
    ? await retrainingTriggers(
        store,
        monitor.policy,
        champion,
        monitor.alerts.filter((a) => a.new),
      )
    : [];
  if (triggers.length === 0) return { monitor, triggers, retraining: null };
  const retraining = await retrainModel(
    store,
    { ...input, trigger: triggers.join('; '), datasetVersionId: null },
    deps,
  );
  return { monitor, triggers, retraining };
}
