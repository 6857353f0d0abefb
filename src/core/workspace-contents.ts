import type { DatasetVersion } from './data/versions/dataset-version.ts';
import type { FeatureViewRecord } from './features/definitions/feature-types.ts';
import type { Alert, MonitorPolicy, RetrainingRecord } from './monitor/monitor-types.ts';
import type { WorkspaceStore } from './ports.ts';
import type { ModelVersion, RegisteredModel, StageTransition } from './registry/registry-types.ts';
import type { Deployment } from './serving/deployments/deployment-types.ts';
import type { RunRecord } from './train/run-record.ts';

/**
 * What a workspace holds, as the lesson checks and the maturity assessment
 * read it: the records they look into, and the prediction log by batch id
 * only, since a batch holds thousands of entries and both only count or
 * name the batches.
 */
export interface WorkspaceContents {
  datasetVersions: DatasetVersion[];
  /** Newest first, as the store lists them. */
  runs: RunRecord[];
  models: RegisteredModel[];
  modelVersions: ModelVersion[];
  stageTransitions: StageTransition[];
  deployments: Deployment[];
  /** Ids of the stored prediction-log batches, sorted (store.listKeys: no entry is read). */
  predictionLogIds: string[];
  monitorPolicies: MonitorPolicy[];
  alerts: Alert[];
  retrainings: RetrainingRecord[];
  featureViews: FeatureViewRecord[];
}

/**
 * Reads {@link WorkspaceContents} from `store`, every kind at once.
 *
 * @example
 * const { runs, predictionLogIds } = await readWorkspaceContents(store);
 */
export async function readWorkspaceContents(store: WorkspaceStore): Promise<WorkspaceContents> {
  const [
    datasetVersions,
    runs,
    models,
    modelVersions,
    stageTransitions,
    deployments,
    predictionLogIds,
    monitorPolicies,
    alerts,
    retrainings,
    featureViews,
  ] = await Promise.all([
    store.listDatasetVersions(),
    store.listRuns(),
    store.listRecords('models'),
    store.listRecords('modelVersions'),
    store.listRecords('stageTransitions'),
    store.listRecords('deployments'),
    store.listKeys('predictionLogs'),
    store.listRecords('monitorPolicies'),
    store.listRecords('alerts'),
    store.listRecords('retrainings'),
    store.listRecords('featureViews'),
  ]);
  return {
    datasetVersions,
    runs,
    models,
    modelVersions,
    stageTransitions,
    deployments,
    predictionLogIds,
    monitorPolicies,
    alerts,
    retrainings,
    featureViews,
  };
}
