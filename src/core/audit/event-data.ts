import type { ColumnRole, ColumnType } from '../data/types.ts';
import type { FailedGate } from '../registry/promotion-gates.ts';
import type { PromotionGates, Stage } from '../registry/registry-types.ts';
import type { DeploymentCheck, Environment } from '../serving/deployments/deployment-types.ts';
import type { StrategyResult } from '../serving/strategies/strategy-types.ts';
import type { Alert, AlertRule, RetrainingPolicy, RetrainingRecord } from '../monitor/monitor-types.ts';
import type { DriftTestOverride } from '../monitor/drift/types.ts';

/**
 * Every audit event type and the `data` it carries. The names and payloads
 * are those the app has always written: they are hashed into the chain, so
 * a renamed type or reshaped payload would make stored workspaces look
 * tampered with. Add a type here (and its builder under `events/`); never
 * change one that has been written.
 */
export interface AuditEventData {
  'dataset.version_saved': {
    name: string;
    rowCount: number;
    columnCount: number;
    parentId: string | null;
    /** The file name the data was loaded from, if any. */
    source: string | null;
  };
  'column.type_overridden': {
    column: string;
    from: ColumnType;
    to: ColumnType;
    /** Cells that could not be read as the new type (now missing). */
    unreadable: number;
    source: string;
    /** Content id of the draft after the change. */
    contentId: string;
  };
  'column.role_changed': { column: string; from: ColumnRole | null; to: ColumnRole; source: string };
  'run.started': { name: string; datasetVersionId: string; model: string; seed: number };
  'run.completed': {
    name: string;
    model: string;
    modelBlob: string;
    headline: Record<string, number | null>;
    /** Only on a re-run: the run it repeated and whether its metrics came out the same. */
    rerunOf?: string;
    reproduced?: boolean;
  };
  /** `code` is an ErrorCode when written; events of older versions may hold codes renamed since. */
  'run.failed': { reason: string; code: string };
  'run.cancelled': { name: string; model: string; durationMs: number };
  'model.registered': {
    modelName: string;
    version: number;
    runId: string;
    datasetVersionId: string;
    modelCreated: boolean;
    artifactBlob: string;
    metrics: Record<string, number | null>;
  };
  'model.imported': {
    modelName: string;
    version: number;
    originalId: string;
    originalCreatedAt: string;
    originalCreatedBy: string;
    renumberedFrom: number | null;
    modelCreated: boolean;
    artifactBlob: string;
    runId: string;
    datasetVersionId: string;
    /** Whether the version's metrics are only the exporter's word (absent in events written before this was recorded). */
    metricsReportedByExporter?: boolean;
    cardBlob: string;
    runBlob: string;
  };
  'model.updated': { description: string };
  /** Only the fields that were edited. */
  'model.version_updated': { description?: string; tags?: Record<string, string> };
  'model.card_updated': { intendedUse: string; limitations: string };
  'model.aliases_set': {
    aliases: string[];
    previous: string[];
    removed: string[];
    /** Aliases taken from other versions of the model. */
    movedFrom: { version: number; alias: string }[];
  };
  'model.gates_set': { gates: PromotionGates; previous: PromotionGates };
  'model.promotion_blocked': {
    from: Stage;
    to: Stage;
    reason: string;
    approver: string | null;
    failedGates: FailedGate[];
  };
  'model.stage_changed': {
    from: Stage;
    to: Stage;
    reason: string;
    approver: string | null;
    comment: string | null;
    /** The Production version this promotion archived, if any. */
    archivedVersion: number | null;
    signatureChangeAcknowledged: boolean;
  };
  /** The genesis of a new chain; the store fills in what it erased. */
  'workspace.erased': { erasedEvents: number; previousHead: string };
  /** A version went live in an environment (subject: the deployment id). */
  'deployment.deployed': {
    modelName: string;
    version: number;
    env: Environment;
    via: string;
    /** The deployment it replaced: its rollback plan. */
    replaces: string | null;
    replacedVersion: number | null;
    /** `check:outcome` for each validation check. */
    checks: string[];
  };
  /** A deploy whose validation failed; no deployment changed (subject: `name@n→env`). */
  'deployment.blocked': { modelName: string; version: number; env: Environment; failed: DeploymentCheck[] };
  /** An environment went back to the deployment its active one replaced (subject: the rolled-back deployment). */
  'deployment.rolled_back': {
    modelName: string;
    env: Environment;
    fromVersion: number;
    toVersion: number;
    restored: string;
    reason: string;
    /** `name@n: from → to` for each stage change that came with it. */
    stageChanges: string[];
  };
  /** A rollout strategy replayed traffic and decided (subject: the prediction log id). */
  'deployment.simulated': StrategyResult & {
    /** Whether the decision was acted on (absent in events written before dry runs existed). */
    applied?: boolean;
    stable: string;
    candidate: string;
    requests: number;
    labelDelay: number;
    seed: number;
    logBatches: number;
  };
  /** A model's alert rules and retraining policy were replaced (subject: the model name). */
  'monitor.policy_set': {
    rules: AlertRule[];
    retraining: RetrainingPolicy;
    previous: { rules: AlertRule[]; retraining: RetrainingPolicy } | null;
    /** Per-column drift test overrides (absent when none were set). */
    driftTests?: Record<string, DriftTestOverride>;
  };
  /** Traffic replayed through the version serving an environment alone, e.g. by the Drift lab (subject: the log id). */
  'monitor.traffic_replayed': {
    modelName: string;
    env: Environment;
    version: string;
    requests: number;
    labelDelay: number;
    logBatches: number;
    /** The drift injected into the traffic first, in words. */
    injected: string[];
  };
  /** A monitoring window met an alert rule (subject: the alert id). */
  'monitor.alert_raised': Omit<Alert, 'id' | 'raisedAt'>;
  /** A retraining began (subject: the retraining id). */
  'retraining.started': { modelName: string; trigger: string; champion: string | null; datasetVersionId: string };
  /** A retraining ended with a challenger: promoted, waiting for approval, blocked by gates or rolled back. */
  'retraining.finished': {
    modelName: string;
    outcome: RetrainingRecord['outcome'];
    champion: string | null;
    challenger: string | null;
    runId: string | null;
    /** `step: message` for each step. */
    steps: string[];
  };
  /** A retraining failed; the champion keeps serving (subject: the retraining id). */
  'retraining.failed': {
    modelName: string;
    trigger: string;
    champion: string | null;
    reason: string;
    code: string;
    /** What still serves, in words. */
    note: string;
  };
  /** Feature definitions were applied (subject: the definitions' file or form). */
  'features.applied': {
    entities: string[];
    /** `name@version` of every view version written. */
    views: string[];
    /** `name@version` of every service version written (plain names in events written before services were versioned). */
    services: string[];
  };
  /** Latest feature values were written to the online store (subject: the end time). */
  'features.materialized': {
    end: string;
    /** `name@version: entities` per view. */
    views: string[];
    incremental: boolean;
  };
  /** Binds the records a chain wrote before events carried record bindings (record-binding.ts). */
  'audit.records_adopted': { records: number; note: string };
}
