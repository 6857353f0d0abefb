import type { WorkspaceStore } from '../../ports.ts';
import type { Deployment } from './deployment-types.ts';

/**
 * Deployments of every model (or one), ordered by model, environment
 * (staging first) and sequence.
 */
export async function listDeployments(store: WorkspaceStore, modelName: string | null): Promise<Deployment[]> {
  const all = await store.listRecords('deployments');
  return all
    .filter((d) => modelName === null || d.modelName === modelName)
    .sort(
      (a, b) =>
        (a.modelName < b.modelName ? -1 : a.modelName > b.modelName ? 1 : 0) ||
        (a.env < b.env ? 1 : a.env > b.env ? -1 : 0) ||
        a.seq - b.seq,
    );
}
