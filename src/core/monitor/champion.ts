import { WorkbenchError } from '../errors.ts';
import type { WorkspaceStore } from '../ports.ts';
import { productionVersion, readRegistry, requireModel, requireVersion } from '../registry/registry-snapshot.ts';
import type { ModelVersion } from '../registry/registry-types.ts';
import type { Environment } from '../serving/deployments/deployment-types.ts';
import { activeDeployment } from '../serving/deployments/plan-deploy.ts';

/**
 * The version a model serves in `env`: its active deployment there, else
 * (nothing deployed yet) its Production version. Null when it has neither.
 *
 * @throws WorkbenchError `registry.model_not_found`
 */
export async function servingVersion(
  store: WorkspaceStore,
  modelName: string,
  env: Environment,
): Promise<{ version: ModelVersion; via: 'deployment' | 'stage' } | null> {
  const snapshot = await readRegistry(store);
  requireModel(snapshot, modelName);
  const deployed = activeDeployment(await store.listRecords('deployments'), modelName, env);
  if (deployed) return { version: requireVersion(snapshot, modelName, deployed.version), via: 'deployment' };
  const production = productionVersion(snapshot, modelName);
  return production ? { version: production, via: 'stage' } : null;
}

/** {@link servingVersion}, or a clear error when the model serves nothing there. */
export async function requireServingVersion(
  store: WorkspaceStore,
  modelName: string,
  env: Environment,
): Promise<ModelVersion> {
  const found = await servingVersion(store, modelName, env);
  if (!found) {
    throw new WorkbenchError(
      'monitor.not_deployed',
      `"${modelName}" has no active ${env} deployment and no Production version, so nothing is being served to monitor. Deploy a version (workbench deploy) or promote one to Production, then replay traffic.`,
    );
  }
  return found.version;
}
