/**
 * Deploy and roll back over a WorkspaceStore: validate, plan with a pure
 * function, commit the change with its audit event.
 */
import type { AuditEvent } from '../../audit/audit-event.ts';
import { deploymentBlocked } from '../../audit/events/serving-events.ts';
import type { DataTable } from '../../data/types.ts';
import { WorkbenchError } from '../../errors.ts';
import type { TfRuntime } from '../../models/tf-runtime.ts';
import type { WorkspaceStore } from '../../ports.ts';
import { readRegistry, resolveVersion } from '../../registry/registry-snapshot.ts';
import type { DeploymentCheck } from './deployment-types.ts';
import { planDeploy, type DeployInput, type DeployPlan } from './plan-deploy.ts';
import { planRollback, type RollbackInput, type RollbackPlan } from './plan-rollback.ts';
import { validateDeploy } from './validate-deploy.ts';

export type DeployResult =
  | (DeployPlan & { blocked: false; checks: DeploymentCheck[]; audit: AuditEvent })
  | { blocked: true; checks: DeploymentCheck[]; failed: DeploymentCheck[]; audit: AuditEvent };

/**
 * Validates a version for an environment and, if every check passed (or
 * was skipped), makes it the active deployment there. A failed validation
 * changes no deployment; the blocked attempt is recorded in the audit log
 * (`deployment.blocked`) with the checks that failed.
 *
 * @param input.ref a version number or alias
 * @param data the rows the deployment will receive, for the signature and smoke checks (optional)
 * @param tf TF.js, for an MLP
 */
export async function deployVersion(
  store: WorkspaceStore,
  input: Omit<DeployInput, 'version'> & { ref: string },
  data: DataTable | null,
  tf: TfRuntime | null = null,
): Promise<DeployResult> {
  const snapshot = await readRegistry(store);
  const version = resolveVersion(snapshot, input.modelName, input.ref);
  const deployments = await store.listRecords('deployments');
  // Refuse a no-op before running the checks.
  planDeploy(deployments, [], { ...input, version: version.version });
  const checks = await validateDeploy(store, snapshot, deployments, { version, env: input.env, data, tf });
  const failed = checks.filter((c) => c.outcome === 'failed');
  if (failed.length > 0) {
    const audit = await store.appendAudit(
      deploymentBlocked({ at: input.now, actor: input.actor }, `${version.id}→${input.env}`, {
        modelName: version.modelName,
        version: version.version,
        env: input.env,
        failed,
      }),
    );
    return { blocked: true, checks, failed, audit };
  }
  const plan = planDeploy(deployments, checks, { ...input, version: version.version });
  return { ...plan, blocked: false, checks, audit: await store.commit(plan.change, plan.event) };
}

/** Rolls an environment back to the deployment its active one replaced, in one change. */
export async function rollbackDeployment(
  store: WorkspaceStore,
  input: RollbackInput,
): Promise<RollbackPlan & { audit: AuditEvent }> {
  const snapshot = await readRegistry(store);
  if (!snapshot.models.some((m) => m.name === input.modelName)) {
    throw new WorkbenchError(
      'registry.model_not_found',
      `There is no model named "${input.modelName}". Check the name (workbench models lists them).`,
    );
  }
  const plan = planRollback(snapshot, await store.listRecords('deployments'), input);
  return { ...plan, audit: await store.commit(plan.change, plan.event) };
}
