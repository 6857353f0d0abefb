import { profileDraft, type Draft } from '../../core/data/draft.ts';
import { decodeTable } from '../../core/data/versions/canonical-encoding.ts';
import { encodeWithId } from '../../core/data/versions/dataset-id.ts';
import { saveDraftAsVersion } from '../../core/data/versions/save-version.ts';
import type { ColumnSchema, DataTable } from '../../core/data/types.ts';
import { WorkbenchError } from '../../core/errors.ts';
import { keyedRecord } from '../../core/keyed-record.ts';
import { servingVersion } from '../../core/monitor/champion.ts';
import type { DriftFunction } from '../../core/monitor/drift-port.ts';
import { describeInjection, injectDrift } from '../../core/monitor/lab/inject-drift.ts';
import { replayServed } from '../../core/monitor/lab/replay-served.ts';
import { monitorModel } from '../../core/monitor/monitor-model.ts';
import { readMonitorPolicy } from '../../core/monitor/monitor-policy.ts';
import { modelEntry } from '../../core/models/catalogue.ts';
import type { TfRuntime } from '../../core/models/tf-runtime.ts';
import type { Environment } from '../../core/serving/deployments/deployment-types.ts';
import { compareWindow } from '../../core/monitor/windows/window-comparison.ts';
import { retrainModel } from '../../core/monitor/retraining/retrain-model.ts';
import type { WorkspaceStore } from '../../core/ports.ts';
import { seededRng } from '../../core/random/rng.ts';
import { WORKBENCH_VERSION } from '../../core/version.ts';
import type { LabReplay, LabReplayRequest, MonitorWorkerApi } from './monitor-protocol.ts';

/** TF.js with a backend, as the train worker picks it (`selectBackend`); loaded only for a model that needs it. */
export type TfBackendProvider = () => Promise<{ name: string; reason: string; tfVersion: string; runtime: TfRuntime }>;

/**
 * The monitor's work over a store: what the monitor worker runs (over its
 * own IndexedDB connection), and what tests run in-process over the memory
 * store. A model on TF.js (the MLP) gets the backend `tf` provides, chosen
 * the way the train worker chooses it and recorded with the retrained run;
 * without a provider such a model is reported as needing the CLI.
 */
export function monitorRunner(
  store: WorkspaceStore,
  drift: () => Promise<DriftFunction>,
  tf?: TfBackendProvider,
): MonitorWorkerApi {
  const backendFor = async (modelName: string, env: Environment) => {
    if (!tf) return null;
    const serving = await servingVersion(store, modelName, env);
    const run = serving && (await store.getRun(serving.version.runId));
    return run && modelEntry(run.spec.model.kind).runtime === 'tfjs' ? tf() : null;
  };
  return {
    async monitor(input) {
      const backend = await backendFor(input.modelName, input.env);
      return monitorModel(store, input, { drift: await drift(), tf: backend?.runtime ?? null });
    },
    compareWindow: (input) => compareWindow(store, input),
    replay: async (request) =>
      labReplay(store, request, (await backendFor(request.modelName, request.env))?.runtime ?? null),
    async retrain(input, platform) {
      const policy = await readMonitorPolicy(store, input.modelName);
      const backend = await backendFor(input.modelName, policy.retraining.env);
      return retrainModel(store, input, {
        clock: () => performance.now(),
        now: () => Date.now(),
        tf: backend?.runtime ?? null,
        environment: {
          backend: backend?.name ?? null,
          backendReason: backend?.reason ?? null,
          tfjsVersion: backend?.tfVersion ?? '',
          workbenchVersion: WORKBENCH_VERSION,
          platform,
        },
      });
    },
  };
}

async function labReplay(store: WorkspaceStore, r: LabReplayRequest, tf: TfRuntime | null): Promise<LabReplay> {
  const source = await store.getDatasetVersion(r.datasetVersionId);
  const bytes = source && (await store.getBlob(source.id));
  if (!source || !bytes)
    throw new WorkbenchError(
      'registry.dataset_not_found',
      'That dataset version is not in this workspace. Pick another.',
    );
  const traffic = injectDrift(decodeTable(bytes), r.injections, seededRng(r.seed));
  const serving = await servingVersion(store, r.modelName, r.env);
  const injected = r.injections.map(describeInjection);
  const { logId } = await replayServed(
    store,
    {
      modelName: r.modelName,
      env: r.env,
      traffic,
      target: serving?.version.signature.target.name ?? '',
      labelDelay: r.labelDelay,
      logId: r.logId,
      injected,
      actor: r.actor,
      now: r.now,
    },
    { clock: () => performance.now(), tf },
  );
  const savedVersionId = r.saveAs === null ? null : await saveTable(store, traffic, source.schema, r, source.id);
  return { logId, traffic, injected, savedVersionId };
}

/** Saves the drifted rows as a dataset version derived from the replayed one. */
async function saveTable(
  store: WorkspaceStore,
  table: DataTable,
  schema: ColumnSchema[],
  r: LabReplayRequest,
  parentId: string,
): Promise<string> {
  const draft: Draft = {
    table,
    inferredTypes: keyedRecord(table.columns.map((c) => [c.name, c.type])),
    roles: keyedRecord(schema.map((c) => [c.name, c.role])),
    sourceName: r.saveAs!,
    source: null,
    parentId,
    notes: [],
  };
  const saved = await saveDraftAsVersion(store, draft, {
    name: r.saveAs!,
    note: `Drifted traffic from the Drift lab: ${r.injections.map(describeInjection).join(', ') || 'no injection'}.`,
    actor: r.actor,
    now: Date.parse(r.now),
    encoded: await encodeWithId(table),
    profile: profileDraft(draft),
  });
  return saved.version.id;
}
