import type { AuditDraft } from '../../audit/audit-event.ts';
import { deploymentRolledBack } from '../../audit/events/serving-events.ts';
import { WorkbenchError } from '../../errors.ts';
import type { RecordChange } from '../../ports.ts';
import {
  nextTransitionId,
  productionVersion,
  requireVersion,
  type RegistrySnapshot,
} from '../../registry/registry-snapshot.ts';
import type { StageTransition } from '../../registry/registry-types.ts';
import { activeDeployment } from './plan-deploy.ts';
import type { Deployment, Environment } from './deployment-types.ts';

export interface RollbackInput {
  modelName: string;
  env: Environment;
  actor: string;
  now: string;
  reason?: string;
}

export interface RollbackPlan {
  change: RecordChange;
  event: AuditDraft;
  /** The deployment serving again, exactly as it was before it was replaced. */
  restored: Deployment;
  rolledBack: Deployment;
  /** Stage changes recorded with a production rollback (restored version to Production, the other archived). */
  transitions: StageTransition[];
}

/**
 * Plans rolling an environment back in one step: the active deployment's
 * rollback plan (the deployment it replaced) serves again — its record
 * exactly as before — and the active one is marked rolled back. In
 * production the registry follows: the restored version returns to
 * Production (an emergency move, so gates and stage rules are not applied;
 * the reason says so) and the version that was in Production (usually the
 * rolled-back one) is archived; both are in the stage history.
 *
 * @throws WorkbenchError `deploy.nothing-deployed` or `deploy.no-rollback-target`
 */
export function planRollback(snapshot: RegistrySnapshot, all: Deployment[], input: RollbackInput): RollbackPlan {
  const { modelName, env, actor, now } = input;
  const current = activeDeployment(all, modelName, env);
  if (!current) {
    throw new WorkbenchError(
      'deploy.nothing_deployed',
      `Nothing of "${modelName}" is deployed in ${env}, so there is nothing to roll back. Deploy a version first.`,
    );
  }
  const previous = current.replaces === null ? undefined : all.find((d) => d.id === current.replaces);
  if (!previous) {
    throw new WorkbenchError(
      'deploy.no_rollback_target',
      `${current.id} (version ${current.version}) is the first deployment of "${modelName}" in ${env}: there is no earlier deployment to roll back to. Deploy another version instead.`,
    );
  }
  const restored: Deployment = { ...previous, active: true, status: 'active' };
  const rolledBack: Deployment = {
    ...current,
    active: false,
    status: 'rolled-back',
    rolledBack: { at: now, by: actor, restored: previous.id },
  };
  const reason =
    (input.reason ?? '').trim() || `Rollback of ${current.id} (version ${current.version}) to ${previous.id}.`;
  const transitions =
    env === 'production' ? stageMoves(snapshot, modelName, previous, current, { actor, now, reason }) : [];
  const versionPuts = transitions.map((t) => ({
    kind: 'modelVersions' as const,
    value: { ...requireVersion(snapshot, modelName, t.version), stage: t.to },
  }));
  const change: RecordChange = {
    puts: [
      { kind: 'deployments', value: restored },
      { kind: 'deployments', value: rolledBack },
      ...transitions.map((t) => ({ kind: 'stageTransitions' as const, value: t })),
      ...versionPuts,
    ],
    expect: [
      { kind: 'deployments', key: current.id, equals: current },
      { kind: 'deployments', key: previous.id, equals: previous },
      ...transitions.map((t) => ({ kind: 'stageTransitions' as const, key: t.id, equals: undefined })),
      ...transitions.map((t) => {
        const v = requireVersion(snapshot, modelName, t.version);
        return { kind: 'modelVersions' as const, key: v.id, equals: v };
      }),
    ],
  };
  const event = deploymentRolledBack({ at: now, actor }, current.id, {
    modelName,
    env,
    fromVersion: current.version,
    toVersion: previous.version,
    restored: previous.id,
    reason,
    stageChanges: transitions.map((t) => `${t.modelName}@${t.version}: ${t.from} → ${t.to}`),
  });
  return { change, event, restored, rolledBack, transitions };
}

function stageMoves(
  snapshot: RegistrySnapshot,
  modelName: string,
  previous: Deployment,
  current: Deployment,
  at: { actor: string; now: string; reason: string },
): StageTransition[] {
  const back = requireVersion(snapshot, modelName, previous.version);
  if (back.stage === 'Production') return [];
  const base = { modelName, at: at.now, actor: at.actor, approval: null, outcome: 'done' as const, failedGates: [] };
  const restore: StageTransition = {
    ...base,
    id: nextTransitionId(snapshot, back),
    version: back.version,
    from: back.stage,
    to: 'Production',
    reason: `${at.reason} Restored to Production by the rollback (gates are not re-checked).`,
    causedBy: null,
  };
  // Production holds one version: whichever is there now (usually the rolled-back one) is archived.
  const out = productionVersion(snapshot, modelName);
  if (!out) return [restore];
  const retire: StageTransition = {
    ...base,
    id: nextTransitionId(snapshot, out),
    version: out.version,
    from: 'Production',
    to: 'Archived',
    reason: `Replaced in Production by version ${back.version}, which serves again after the rollback of ${current.id}.`,
    causedBy: restore.id,
  };
  return [restore, retire];
}
