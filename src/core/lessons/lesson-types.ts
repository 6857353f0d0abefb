/**
 * Lessons as data: a short explanation and steps that act in the live
 * workbench, each with a check that reads the stored workspace to tell when
 * the step is done.
 */
import type { DatasetVersion } from '../data/versions/dataset-version.ts';
import type { Alert, MonitorPolicy, RetrainingRecord } from '../monitor/monitor-types.ts';
import type { ModelVersion, RegisteredModel, StageTransition } from '../registry/registry-types.ts';
import type { Deployment } from '../serving/deployments/deployment-types.ts';
import type { FeatureViewRecord } from '../features/definitions/feature-types.ts';
import type { RunRecord } from '../train/run-record.ts';

/** The stored records a step's check may read (prediction logs by id only: their rows are large). */
export interface WorkspaceSnapshot {
  datasetVersions: readonly DatasetVersion[];
  /** Newest first, as the store lists them. */
  runs: readonly RunRecord[];
  models: readonly RegisteredModel[];
  modelVersions: readonly ModelVersion[];
  stageTransitions: readonly StageTransition[];
  deployments: readonly Deployment[];
  predictionLogIds: readonly string[];
  monitorPolicies: readonly MonitorPolicy[];
  alerts: readonly Alert[];
  retrainings: readonly RetrainingRecord[];
  featureViews: readonly FeatureViewRecord[];
}

/** The areas of the app a step sends the learner to (the app's view ids). */
export type LessonArea =
  | 'data'
  | 'versions'
  | 'features'
  | 'train'
  | 'runs'
  | 'registry'
  | 'predict'
  | 'deploy'
  | 'lineage'
  | 'monitor'
  | 'audit';

export interface LessonStep {
  id: string;
  /** What to do, in one line. */
  title: string;
  /** How to do it in the workbench. */
  how: string;
  /** Where it is done. */
  area: LessonArea;
  /** True once the workspace shows the step was done. Pure: reads only the snapshot. */
  check: (workspace: WorkspaceSnapshot) => boolean;
}

/** A concept the lesson names, with its meaning in a sentence. */
export interface LessonPoint {
  term: string;
  meaning: string;
}

export interface Lesson {
  id: string;
  title: string;
  /** One sentence shown in the lesson list. */
  summary: string;
  /** The explanation, one paragraph per entry. */
  explanation: readonly string[];
  /** The concepts it covers, each explained. */
  points: readonly LessonPoint[];
  steps: readonly LessonStep[];
  /** Shows the user's own metric formulas (the metrics lesson). */
  showsMetrics?: boolean;
}
