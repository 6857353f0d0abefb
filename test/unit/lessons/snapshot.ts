/** Small workspace snapshots for the lesson tests: real record shapes, only the fields checks read filled in. */
import type { WorkspaceSnapshot } from '../../../src/core/lessons/lesson-types.ts';
import type { ClassificationReport } from '../../../src/core/metrics/index.ts';
import type { RunRecord } from '../../../src/core/train/run-record.ts';

export function emptyWorkspace(): WorkspaceSnapshot {
  return {
    datasetVersions: [],
    runs: [],
    models: [],
    modelVersions: [],
    stageTransitions: [],
    deployments: [],
    predictionLogIds: [],
    monitorPolicies: [],
    alerts: [],
    retrainings: [],
    featureViews: [],
  };
}

/** A run record with the fields the lessons read; the rest of a real run does not matter to them. */
export function run(fields: {
  id: string;
  finishedAt: string;
  status?: RunRecord['status'];
  kind?: string;
  datasetVersionId?: string;
  metrics?: ClassificationReport | { task: 'regression'; n: number; mae: number; rmse: number; r2: number };
  rerunOf?: RunRecord['rerunOf'];
}): RunRecord {
  const status = fields.status ?? 'completed';
  const record = {
    id: fields.id,
    name: fields.id,
    status,
    finishedAt: fields.finishedAt,
    datasetVersionId: fields.datasetVersionId ?? 'd1',
    spec: { model: { kind: fields.kind ?? 'forest' } },
    rerunOf: fields.rerunOf ?? null,
    outcome: status === 'completed' && fields.metrics ? { task: fields.metrics.task, metrics: fields.metrics } : null,
  };
  return record as unknown as RunRecord;
}
