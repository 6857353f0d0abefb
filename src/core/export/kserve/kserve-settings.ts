import type { WorkspaceStore } from '../../ports.ts';
import type { ModelVersion } from '../../registry/registry-types.ts';
import { serviceName, type KserveSettings } from './inference-service.ts';

/** What the user may set on the command line or in the app; the rest comes from the workspace. */
export interface KserveChoices {
  storageUri?: string;
  namespace?: string | null;
  cpu?: string;
  memory?: string;
}

const MIB = 1024 * 1024;

/**
 * Requests and limits sized from the model file: ONNX Runtime holds the
 * model and its working buffers (about four times the file) over a base of
 * 256 MiB; the limit doubles the request.
 *
 * @example
 * suggestedResources(2 * 1024 * 1024) // { requests: { cpu: '500m', memory: '264Mi' }, limits: { cpu: '1', memory: '528Mi' } }
 */
export function suggestedResources(modelBytes: number): KserveSettings['resources'] {
  const request = 256 + Math.ceil((4 * modelBytes) / MIB);
  return { requests: { cpu: '500m', memory: `${request}Mi` }, limits: { cpu: '1', memory: `${2 * request}Mi` } };
}

/**
 * The manifest's settings for a version from the workbench's own records:
 * when the version is not already serving production and the latest
 * canary rollout replayed it as the candidate, the canary's first traffic
 * share becomes `canaryTrafficPercent`; resources are sized from the
 * model file unless chosen.
 */
export async function kserveSettingsFor(
  store: WorkspaceStore,
  version: ModelVersion,
  modelBytes: number,
  choices: KserveChoices = {},
): Promise<KserveSettings> {
  const name = serviceName(version.modelName, version.version);
  const deployments = await store.listRecords('deployments');
  const serving = deployments.some(
    (d) => d.active && d.env === 'production' && d.modelName === version.modelName && d.version === version.version,
  );
  let canaryTrafficPercent: number | null = null;
  if (!serving) {
    for (const e of await store.listAudit()) {
      if (e.type !== 'deployment.simulated' || e.data.candidate !== version.id || e.data.strategy !== 'canary')
        continue;
      const first = e.data.steps[0];
      canaryTrafficPercent = first ? Math.round(first.share * 100) : null;
    }
  }
  const resources = suggestedResources(modelBytes);
  if (choices.cpu) resources.requests.cpu = resources.limits.cpu = choices.cpu;
  if (choices.memory) resources.requests.memory = resources.limits.memory = choices.memory;
  return {
    name,
    namespace: choices.namespace ?? null,
    storageUri: choices.storageUri ?? `pvc://models/${name}`,
    canaryTrafficPercent,
    minReplicas: 1,
    resources,
    labels: {
      'app.kubernetes.io/name': name,
      'mlops-workbench/model': serviceName(version.modelName, version.version).replace(/-v\d+$/, ''),
      'mlops-workbench/version': String(version.version),
    },
  };
}
