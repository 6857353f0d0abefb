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
import { retrainModel } from '../../core/monitor/retraining/retrain-model.ts';
import type { WorkspaceStore } from '../../core/ports.ts';
import { seededRng } from '../../core/random/rng.ts';
import { WORKBENCH_VERSION } from '../../core/version.ts';
import type { LabReplay, LabReplayRequest, MonitorWorkerApi } from './monitor-protocol.ts';

/**
 * The monitor's work over a store: what the monitor worker runs (over its
 * own IndexedDB connection), and what tests run in-process over the memory
 * store. Models run without TF.js here, so an MLP champion is reported as
 * needing the CLI (its message says so).
 */
export function monitorRunner(store: WorkspaceStore, drift: () => Promise<DriftFunction>): MonitorWorkerApi {
  return {
    async monitor(input) {
      return monitorModel(store, input, { drift: await drift() });
    },
    replay: (request) => labReplay(store, request),
    retrain: (input, platform) =>
      retrainModel(store, input, {
        clock: () => performance.now(),
        now: () => Date.now(),
        environment: {
          backend: null,
          backendReason: null,
          tfjsVersion: '',
          workbenchVersion: WORKBENCH_VERSION,
          platform,
        },
      }),
  };
}

async function labReplay(store: WorkspaceStore, r: LabReplayRequest): Promise<LabReplay> {
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
    { clock: () => performance.now() },
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
