/** Reads the records lesson checks look at, in one go. */
import type { WorkspaceSnapshot } from '../core/lessons/lesson-types.ts';
import type { WorkspaceStore } from '../core/ports.ts';

export async function readLessonSnapshot(store: WorkspaceStore): Promise<WorkspaceSnapshot> {
  const [
    datasetVersions,
    runs,
    models,
    modelVersions,
    stageTransitions,
    deployments,
    predictionLogs,
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
    store.listRecords('predictionLogs'),
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
    predictionLogIds: predictionLogs.map((batch) => batch.id),
    monitorPolicies,
    alerts,
    retrainings,
    featureViews,
  };
}
