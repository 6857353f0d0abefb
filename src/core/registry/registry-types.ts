import type { ColumnRole, ColumnType } from '../data/types.ts';
import type { ModelKind, Task } from '../train/pipeline-spec.ts';
import { HEADLINE_METRICS } from '../metrics/headline-metrics.ts';

/** Lifecycle stages of a model version, in promotion order. */
export const STAGES = ['Development', 'Staging', 'Production', 'Archived'] as const;
export type Stage = (typeof STAGES)[number];

/** What a model version expects as input: the columns, types and roles it was trained on, and its output. */
export interface InputSignature {
  inputs: { name: string; type: ColumnType; role: ColumnRole }[];
  target: { name: string; type: ColumnType; labels: string[] };
  task: Task;
}

/**
 * One registered version of a named model. Immutable but for `stage`,
 * `aliases`, `description`, `tags` and the card's editable fields, which
 * change only through registry actions (each an audit event).
 */
export interface ModelVersion {
  /** `${modelName}@${version}` */
  id: string;
  modelName: string;
  /** 1, 2, 3… per model, assigned at registration. */
  version: number;
  runId: string;
  datasetVersionId: string;
  /** Set once feature sets exist (a later capability). */
  featureSetId: string | null;
  createdAt: string;
  createdBy: string;
  stage: Stage;
  aliases: string[];
  description: string;
  tags: Record<string, string>;
  modelKind: ModelKind;
  /** Headline metrics copied from the run (accuracy, f1Macro, rocAuc, logLoss, r2, rmse, mae…). */
  metrics: Record<string, number | null>;
  /**
   * Set on imported versions: true when the metrics are as the bundle's
   * exporter reported them, because this workspace cannot re-derive them
   * (it lacks the run that trained the model, and its dataset).
   */
  metricsReportedByExporter?: boolean;
  /**
   * Set on imported versions: when and by whom it was imported here, and its
   * id where it was registered (`createdAt`/`createdBy` stay the original's).
   */
  imported?: { at: string; by: string; fromId: string };
  /** Held-out rows the metrics were computed on (for confidence intervals). */
  testRows: number;
  signature: InputSignature;
  /** The encoded model artifact in the blob store. */
  artifactBlob: string;
  artifactBytes: number;
  /** Editable parts of the model card. */
  card: { intendedUse: string; limitations: string };
}

/** A metric threshold: absolute (`min`/`max`) or relative to the current Production version. */
export interface MetricGate {
  metric: string;
  /** Absolute bounds. */
  min?: number;
  max?: number;
  /** Relative: may be at most this much worse than Production (in the metric's units; 0 = no worse). */
  maxRegression?: number;
}

/** Promotion gates of a model, checked when a version moves to one of `stages`. */
export interface PromotionGates {
  stages: Stage[];
  metrics: MetricGate[];
  /** Its dataset version must have no error-severity quality warnings. */
  requireQualityChecks: boolean;
  /** Its signature must match the Production version's, unless the change is acknowledged. */
  requireSignatureMatch: boolean;
  /** An approver name and comment are required. */
  requireApproval: boolean;
}

export interface RegisteredModel {
  name: string;
  createdAt: string;
  description: string;
  gates: PromotionGates;
  /** Highest version number issued so far. */
  latestVersion: number;
}

/** One attempted stage change: done, or blocked by gates (both are kept). */
export interface StageTransition {
  /** `${modelVersionId}#${seq}` — unique, ordered per version. */
  id: string;
  modelName: string;
  version: number;
  from: Stage;
  to: Stage;
  at: string;
  actor: string;
  reason: string;
  approval: { approver: string; comment: string } | null;
  outcome: 'done' | 'blocked';
  /** For blocked attempts: which gates failed and why. */
  failedGates: { gate: string; message: string }[];
  /** Set when this transition happened because another version was promoted to Production. */
  causedBy: string | null;
}

/** Names of higher-is-better metrics; every other known metric is lower-is-better. */
export const HIGHER_IS_BETTER: ReadonlySet<string> = new Set(
  HEADLINE_METRICS.filter((m) => m.higherIsBetter).map((m) => m.key),
);

export const DEFAULT_GATES: PromotionGates = {
  stages: ['Production'],
  metrics: [],
  requireQualityChecks: true,
  requireSignatureMatch: true,
  requireApproval: false,
};
