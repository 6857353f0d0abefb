import type { DriftTestOverride } from './drift/types.ts';
import type { Environment } from '../serving/deployments/deployment-types.ts';
import type { StrategyName } from '../serving/strategies/strategy-types.ts';

/** The statistics a feature rule can watch (all computed for every column by the drift report). */
export const FEATURE_STATISTICS = ['psi', 'jensenShannon', 'wassersteinNormalized', 'ksStatistic'] as const;
export type FeatureStatistic = (typeof FEATURE_STATISTICS)[number];

/**
 * A condition checked on every monitoring window; a window that meets it
 * raises an alert. Thresholds are inclusive (`≥`), in the statistic's units.
 */
export type AlertRule =
  /** Share of the features that drifted in the window. */
  | { id: string; kind: 'drift_share'; threshold: number }
  /** One feature's drift statistic. */
  | { id: string; kind: 'feature_statistic'; column: string; statistic: FeatureStatistic; threshold: number }
  /** Held-out accuracy of the version minus the window's accuracy, once `minLabelled` labels arrived. */
  | { id: string; kind: 'accuracy_drop'; threshold: number; minLabelled: number }
  /** Share of wrong answers among the window's labelled requests, once `minLabelled` labels arrived. */
  | { id: string; kind: 'error_rate'; threshold: number; minLabelled: number };
export type AlertRuleKind = AlertRule['kind'];

/** What starts a retraining, and what happens to the challenger it trains. */
export interface RetrainingPolicy {
  /** Retrain when monitoring raises a new alert. */
  onAlert: boolean;
  /** Retrain when a dataset version newer than the champion's training data is saved. */
  onNewData: boolean;
  /** Retrain every N served requests of simulated time (prediction-log requests); null = no schedule. */
  everyRequests: number | null;
  /** `auto`: promote when the gates pass; `approval`: register the challenger and wait for a person. */
  promotion: 'auto' | 'approval';
  /** How the promoted challenger goes live: a direct deploy, or a rollout strategy replayed over the traffic. */
  strategy: 'direct' | StrategyName;
  /** The environment the champion serves. */
  env: Environment;
}

/** A model's monitoring configuration: the alert rules and the retraining policy. */
export interface MonitorPolicy {
  /** The model name (the record key). */
  modelName: string;
  rules: AlertRule[];
  retraining: RetrainingPolicy;
  /**
   * The drift test (and threshold) the user chose per column, replacing the
   * default rule in monitoring windows and the drift dashboard. Absent in
   * policies saved before overrides existed.
   */
  driftTests?: Record<string, DriftTestOverride>;
  updatedAt: string;
  updatedBy: string;
}

/** A rule that fired on a window. */
export interface Alert {
  /** `${modelName}/${env}:${ruleId}:${windowKey}` — one alert per rule and window. */
  id: string;
  modelName: string;
  env: Environment;
  ruleId: string;
  ruleKind: AlertRuleKind;
  /** The window it fired on: its key (`${first logId}:${first request}+${size}`) and index. */
  span: { key: string; index: number; firstRequest: number; size: number };
  version: string;
  value: number;
  threshold: number;
  message: string;
  raisedAt: string;
}

/** One step of a retraining, as printed and stored. */
export interface RetrainingStep {
  step: 'trigger' | 'data' | 'trained' | 'registered' | 'gates' | 'promoted' | 'waiting' | 'deployed' | 'failed';
  ok: boolean;
  message: string;
}

/** A retraining attempt: what triggered it, each step, and how it ended. */
export interface RetrainingRecord {
  /** `${modelName}#${seq}`. */
  id: string;
  modelName: string;
  seq: number;
  trigger: string;
  startedAt: string;
  actor: string;
  champion: string | null;
  /** Requests the model had served in the prediction log when it started (the schedule counts from here). */
  logRequests: number;
  datasetVersionId: string | null;
  challenger: string | null;
  runId: string | null;
  outcome: 'promoted' | 'waiting_approval' | 'blocked' | 'rolled_back' | 'no_decision' | 'failed';
  steps: RetrainingStep[];
}

export const DEFAULT_RETRAINING: RetrainingPolicy = {
  onAlert: true,
  onNewData: false,
  everyRequests: null,
  promotion: 'auto',
  strategy: 'direct',
  env: 'production',
};

export const DEFAULT_RULES: AlertRule[] = [
  { id: 'drift-share', kind: 'drift_share', threshold: 0.5 },
  { id: 'accuracy-drop', kind: 'accuracy_drop', threshold: 0.1, minLabelled: 30 },
];
