import { monitorPolicySet } from '../audit/events/monitor-events.ts';
import type { AuditEvent } from '../audit/audit-event.ts';
import { WorkbenchError } from '../errors.ts';
import { DRIFT_TESTS, type DriftTestOverride } from './drift/types.ts';
import type { WorkspaceStore } from '../ports.ts';
import { readRegistry, requireModel } from '../registry/registry-snapshot.ts';
import { ENVIRONMENTS } from '../serving/deployments/deployment-types.ts';
import { STRATEGIES } from '../serving/strategies/strategy-types.ts';
import {
  DEFAULT_RETRAINING,
  DEFAULT_RULES,
  FEATURE_STATISTICS,
  type AlertRule,
  type MonitorPolicy,
  type RetrainingPolicy,
} from './monitor-types.ts';

/** A model's stored policy, or the defaults (not stored) when none was set. */
export async function readMonitorPolicy(store: WorkspaceStore, modelName: string): Promise<MonitorPolicy> {
  return (
    (await store.getRecord('monitorPolicies', modelName)) ?? {
      modelName,
      rules: DEFAULT_RULES,
      retraining: DEFAULT_RETRAINING,
      updatedAt: '',
      updatedBy: '',
    }
  );
}

/**
 * Replaces a model's alert rules and retraining policy, with its audit event.
 *
 * @throws WorkbenchError `monitor.bad_rule`, `monitor.bad_policy`, `registry.model_not_found`
 */
export async function setMonitorPolicy(
  store: WorkspaceStore,
  input: {
    modelName: string;
    rules: AlertRule[];
    retraining: RetrainingPolicy;
    /** Per-column drift tests; omitted keeps the stored ones. */
    driftTests?: Record<string, DriftTestOverride>;
    actor: string;
    now: string;
  },
): Promise<{ policy: MonitorPolicy; audit: AuditEvent }> {
  requireModel(await readRegistry(store), input.modelName);
  input.rules.forEach(checkRule);
  const ids = input.rules.map((r) => r.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate !== undefined)
    throw new WorkbenchError(
      'monitor.bad_rule',
      `Two alert rules are named "${duplicate}". Give each rule its own id.`,
    );
  checkRetraining(input.retraining);
  const previous = await store.getRecord('monitorPolicies', input.modelName);
  const driftTests = input.driftTests ?? previous?.driftTests;
  if (driftTests) checkDriftTests(driftTests);
  const policy: MonitorPolicy = {
    modelName: input.modelName,
    rules: input.rules,
    retraining: input.retraining,
    ...(driftTests && Object.keys(driftTests).length > 0 && { driftTests }),
    updatedAt: input.now,
    updatedBy: input.actor,
  };
  const audit = await store.commit(
    {
      puts: [{ kind: 'monitorPolicies', value: policy }],
      expect: [{ kind: 'monitorPolicies', key: input.modelName, equals: previous }],
    },
    monitorPolicySet({ at: input.now, actor: input.actor }, input.modelName, {
      rules: policy.rules,
      retraining: policy.retraining,
      previous: previous ? { rules: previous.rules, retraining: previous.retraining } : null,
      ...(policy.driftTests && { driftTests: policy.driftTests }),
    }),
  );
  return { policy, audit };
}

/**
 * Sets or clears (null) the drift test of some columns, keeping the rest of
 * the model's policy: the dashboard's per-column override.
 *
 * @throws WorkbenchError `drift.bad_test`, `drift.bad_threshold`, `registry.model_not_found`
 */
export async function setDriftTests(
  store: WorkspaceStore,
  input: { modelName: string; tests: Record<string, DriftTestOverride | null>; actor: string; now: string },
): Promise<{ policy: MonitorPolicy; audit: AuditEvent }> {
  const current = await readMonitorPolicy(store, input.modelName);
  const driftTests: Record<string, DriftTestOverride> = { ...current.driftTests };
  for (const [column, test] of Object.entries(input.tests)) {
    if (test === null) delete driftTests[column];
    else driftTests[column] = test;
  }
  return setMonitorPolicy(store, {
    modelName: input.modelName,
    rules: current.rules,
    retraining: current.retraining,
    driftTests,
    actor: input.actor,
    now: input.now,
  });
}

function checkDriftTests(tests: Record<string, DriftTestOverride>): void {
  for (const [column, override] of Object.entries(tests)) {
    const test = typeof override === 'string' ? override : override?.test;
    const threshold = typeof override === 'string' ? undefined : override.threshold;
    if (!DRIFT_TESTS.includes(test))
      throw new WorkbenchError(
        'drift.bad_test',
        `Unknown drift test "${String(test)}" for column "${column}". Use ${DRIFT_TESTS.join(', ')}.`,
      );
    if (threshold !== undefined && !(threshold > 0 && threshold <= 1))
      throw new WorkbenchError(
        'drift.bad_threshold',
        `The threshold ${threshold} for column "${column}" is not in (0, 1]. Give a p-value level such as 0.05 or a distance such as 0.1.`,
      );
  }
}

function checkRule(rule: AlertRule): void {
  const bad = (why: string) => new WorkbenchError('monitor.bad_rule', `Alert rule "${rule.id}": ${why}`);
  if (typeof rule.id !== 'string' || rule.id.trim() === '') throw bad('give the rule an id.');
  if (!(Number.isFinite(rule.threshold) && rule.threshold >= 0))
    throw bad('the threshold must be a number, 0 or more.');
  if ((rule.kind === 'drift_share' || rule.kind === 'error_rate') && rule.threshold > 1)
    throw bad('the threshold is a share: give a number between 0 and 1.');
  if (rule.kind === 'feature_statistic') {
    if (!rule.column) throw bad('name the column it watches.');
    if (!FEATURE_STATISTICS.includes(rule.statistic))
      throw bad(`the statistic must be one of ${FEATURE_STATISTICS.join(', ')}.`);
  }
  if (
    (rule.kind === 'accuracy_drop' || rule.kind === 'error_rate') &&
    !(Number.isInteger(rule.minLabelled) && rule.minLabelled >= 1)
  )
    throw bad('minLabelled must be a whole number, 1 or more.');
}

function checkRetraining(p: RetrainingPolicy): void {
  const bad = (why: string) => new WorkbenchError('monitor.bad_policy', `Retraining policy: ${why}`);
  if (p.everyRequests !== null && !(Number.isInteger(p.everyRequests) && p.everyRequests >= 1))
    throw bad('the schedule must be a whole number of requests, 1 or more, or none.');
  if (p.promotion !== 'auto' && p.promotion !== 'approval') throw bad('promotion must be "auto" or "approval".');
  if (p.strategy !== 'direct' && !STRATEGIES.includes(p.strategy))
    throw bad(`the strategy must be direct or one of ${STRATEGIES.join(', ')}.`);
  if (!ENVIRONMENTS.includes(p.env)) throw bad(`the environment must be one of ${ENVIRONMENTS.join(', ')}.`);
}
