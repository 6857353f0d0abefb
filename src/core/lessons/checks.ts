/**
 * The checks lesson steps share: each a pure predicate over the stored
 * workspace, named by what the learner has done.
 */
import type { Stage } from '../registry/registry-types.ts';
import type { RunRecord } from '../train/run-record.ts';
import type { WorkspaceSnapshot } from './lesson-types.ts';

type Check = (workspace: WorkspaceSnapshot) => boolean;

function completed(workspace: WorkspaceSnapshot): RunRecord[] {
  return workspace.runs.filter((run) => run.status === 'completed' && run.outcome !== null);
}

/** At least `count` dataset versions are saved. */
export const savedVersions =
  (count = 1): Check =>
  (w) =>
    w.datasetVersions.length >= count;

/** A version derived from another one (a transform, or newer data with a parent). */
export const derivedVersion: Check = (w) => w.datasetVersions.some((v) => v.parentId !== null);

/** At least `count` runs completed. */
export const completedRuns =
  (count = 1): Check =>
  (w) =>
    completed(w).length >= count;

/** A completed classification run exists (it has a confusion matrix). */
export const classificationRun: Check = (w) => completed(w).some((r) => r.outcome?.metrics.task === 'classification');

/** Two completed runs of different model kinds on the same dataset version. */
export const comparedModelKinds: Check = (w) => {
  const kinds = new Map<string, Set<string>>();
  for (const run of completed(w)) {
    const set = kinds.get(run.datasetVersionId) ?? new Set<string>();
    set.add(run.spec.model.kind);
    kinds.set(run.datasetVersionId, set);
  }
  return [...kinds.values()].some((set) => set.size >= 2);
};

/** A run re-ran another run's spec and reproduced its metrics exactly. */
export const reproducedRun: Check = (w) => w.runs.some((r) => r.rerunOf?.reproduced === true);

/** At least `count` model versions are registered. */
export const registeredVersions =
  (count = 1): Check =>
  (w) =>
    w.modelVersions.length >= count;

/** Some version is (or was moved) in `stage`. */
export const reachedStage =
  (stage: Stage): Check =>
  (w) =>
    w.modelVersions.some((v) => v.stage === stage) ||
    w.stageTransitions.some((t) => t.to === stage && t.outcome === 'done');

/** A promotion gate stopped a stage move. */
export const gateBlocked: Check = (w) => w.stageTransitions.some((t) => t.outcome === 'blocked');

/** A version is deployed (now or before) to `env`. */
export const deployedTo =
  (env: 'staging' | 'production'): Check =>
  (w) =>
    w.deployments.some((d) => d.env === env);

/** A deployment went live through a rollout strategy (canary, shadow, A/B, blue/green). */
export const rolledOut: Check = (w) => w.deployments.some((d) => d.via !== 'deploy');

/** A deployment was rolled back. */
export const rolledBack: Check = (w) => w.deployments.some((d) => d.status === 'rolled-back');

/** Traffic was replayed through a served model, so a prediction log exists. */
export const loggedPredictions: Check = (w) => w.predictionLogIds.length > 0;

/** Monitoring raised an alert (drift, accuracy, latency…). */
export const raisedAlert: Check = (w) => w.alerts.length > 0;

/** An alert was raised for data drift. */
export const raisedDriftAlert: Check = (w) =>
  w.alerts.some((a) => a.ruleKind === 'drift_share' || a.ruleKind === 'feature_statistic');

/** A monitoring policy (alert rules and retraining) is saved for some model. */
export const savedPolicy: Check = (w) => w.monitorPolicies.length > 0;

/** A retraining ran. */
export const retrained: Check = (w) => w.retrainings.length > 0;

/** A feature view is defined in the feature store. */
export const definedFeatureView: Check = (w) => w.featureViews.length > 0;

/** The model's promotion gates were edited from the defaults (its gates name a metric). */
export const setGates: Check = (w) => w.models.some((m) => m.gates.metrics.length > 0);
