import { verifyStore, type StoreVerification } from '../audit/verify-store.ts';
import { recordDigest } from '../audit/record-digest.ts';
import type { WorkspaceStore } from '../ports.ts';
import { readWorkspaceContents, type WorkspaceContents } from '../workspace-contents.ts';

/** How many completed runs one pipeline spec had: the spec is named by the start of its digest. */
export interface SpecRuns {
  spec: string;
  runs: number;
}

/**
 * What a workspace holds, counted: the facts the maturity criteria read.
 * Plain numbers, so the criteria are pure and each only grows when
 * something is added to the workspace.
 */
export interface WorkspaceInventory {
  datasetVersions: number;
  completedRuns: number;
  /** The spec run most often (null when no run completed). */
  mostRepeatedSpec: SpecRuns | null;
  modelVersions: number;
  /** Models whose promotion gates hold a metric threshold for some stage. */
  gatedModels: number;
  /** Stage changes that were carried out (blocked attempts are not counted). */
  promotions: number;
  deployments: number;
  /** Monitoring policies with at least one alert rule. */
  monitoredModels: number;
  /** Alert rules that watch drift (drift share or a feature statistic). */
  driftRules: number;
  predictionLogBatches: number;
  alerts: number;
  /** Retraining policies with at least one trigger (alert, new data or schedule). */
  retrainingPolicies: number;
  retrainings: number;
  auditEvents: number;
  /** Null when the audit chain and every record verify; otherwise what failed. */
  auditProblem: string | null;
}

/**
 * Counts what `store` holds for the maturity assessment (as
 * core/workspace-contents.ts describes it: prediction-log batches by id,
 * entries unread), and verifies its audit chain with the same check as the
 * Audit view (core/audit/verify-store.ts), reading the log once for both.
 *
 * @example
 * const inventory = await readInventory(store);
 * assessMaturity(inventory).level; // 0–3
 */
export async function readInventory(store: WorkspaceStore): Promise<WorkspaceInventory> {
  const [contents, events] = await Promise.all([readWorkspaceContents(store), store.listAudit()]);
  return countInventory(contents, events.length, await verifyStore(store, events));
}

/** The inventory of `contents`, with the audit log's length and verdict. */
function countInventory(
  contents: WorkspaceContents,
  auditEvents: number,
  verification: StoreVerification,
): WorkspaceInventory {
  const { runs, models, stageTransitions, monitorPolicies: policies } = contents;
  const completed = runs.filter((run) => run.status === 'completed');
  const rules = policies.flatMap((policy) => policy.rules);
  return {
    datasetVersions: contents.datasetVersions.length,
    completedRuns: completed.length,
    mostRepeatedSpec: mostRepeated(completed.map((run) => recordDigest(run.spec).slice(0, 8))),
    modelVersions: contents.modelVersions.length,
    // Every model starts with the default quality and signature checks; a metric threshold is a deliberate gate.
    gatedModels: models.filter(({ gates }) => gates.stages.length > 0 && gates.metrics.length > 0).length,
    promotions: stageTransitions.filter((t) => t.outcome === 'done').length,
    deployments: contents.deployments.length,
    monitoredModels: policies.filter((policy) => policy.rules.length > 0).length,
    driftRules: rules.filter((rule) => rule.kind === 'drift_share' || rule.kind === 'feature_statistic').length,
    predictionLogBatches: contents.predictionLogIds.length,
    alerts: contents.alerts.length,
    retrainingPolicies: policies.filter(({ retraining: r }) => r.onAlert || r.onNewData || r.everyRequests !== null)
      .length,
    retrainings: contents.retrainings.length,
    auditEvents,
    auditProblem: verification.ok ? null : verification.reason,
  };
}

function mostRepeated(specs: string[]): SpecRuns | null {
  const counts = new Map<string, number>();
  for (const spec of specs) counts.set(spec, (counts.get(spec) ?? 0) + 1);
  let best: SpecRuns | null = null;
  // Ties go to the spec named first in sort order, so the evidence does not depend on list order.
  for (const [spec, runs] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!best || runs > best.runs) best = { spec, runs };
  }
  return best;
}
