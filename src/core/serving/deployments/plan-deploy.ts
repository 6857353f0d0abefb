import type { AuditDraft } from '../../audit/audit-event.ts';
import { deploymentDeployed } from '../../audit/events/serving-events.ts';
import { WorkbenchError } from '../../errors.ts';
import type { RecordChange } from '../../ports.ts';
import type { Deployment, DeploymentCheck, Environment } from './deployment-types.ts';

export interface DeployInput {
  modelName: string;
  version: number;
  env: Environment;
  actor: string;
  now: string;
  via?: Deployment['via'];
}

export interface DeployPlan {
  change: RecordChange;
  event: AuditDraft;
  deployment: Deployment;
  /** The deployment it replaces (now inactive): its rollback plan. */
  replaced: Deployment | null;
}

/** The active deployment of a model in an environment, if any. */
export function activeDeployment(all: Deployment[], modelName: string, env: Environment): Deployment | undefined {
  return all.find((d) => d.active && d.modelName === modelName && d.env === env);
}

/**
 * Plans a deploy that passed its checks: the new deployment becomes the
 * active one and records the one it replaces as its rollback plan; the
 * replaced one is kept, inactive. The change expects the replaced record as
 * read, so two deploys at once cannot both win.
 *
 * @throws WorkbenchError `deploy.already-active` when that version already serves there
 */
export function planDeploy(all: Deployment[], checks: DeploymentCheck[], input: DeployInput): DeployPlan {
  const { modelName, version, env, actor, now } = input;
  const current = activeDeployment(all, modelName, env);
  if (current?.version === version) {
    throw new WorkbenchError(
      'deploy.already_active',
      `Version ${version} of "${modelName}" is already active in ${env} (${current.id}). Deploy another version, or roll back.`,
    );
  }
  const seq = 1 + all.reduce((n, d) => (d.modelName === modelName && d.env === env ? Math.max(n, d.seq) : n), 0);
  const deployment: Deployment = {
    id: `${modelName}/${env}#${seq}`,
    modelName,
    version,
    env,
    seq,
    deployedAt: now,
    deployedBy: actor,
    active: true,
    status: 'active',
    replaces: current?.id ?? null,
    via: input.via ?? 'deploy',
    checks,
    rolledBack: null,
  };
  const replaced: Deployment | null = current ? { ...current, active: false, status: 'replaced' } : null;
  const change: RecordChange = {
    puts: [
      { kind: 'deployments', value: deployment },
      ...(replaced ? [{ kind: 'deployments' as const, value: replaced }] : []),
    ],
    expect: [
      { kind: 'deployments', key: deployment.id, equals: undefined },
      ...(current ? [{ kind: 'deployments' as const, key: current.id, equals: current }] : []),
    ],
  };
  const event = deploymentDeployed({ at: now, actor }, deployment.id, {
    modelName,
    version,
    env,
    via: deployment.via,
    replaces: deployment.replaces,
    replacedVersion: current?.version ?? null,
    checks: checks.map((c) => `${c.check}:${c.outcome}`),
  });
  return { change, event, deployment, replaced };
}
