/**
 * The composition root: the one place that builds the real workspace
 * context (IndexedDB store, workers, browser files and storage) and the
 * app's state objects from it. Components import the objects from here;
 * building them opens no database and starts no worker until first used.
 */
import { readFileBytes } from '../adapters/browser-files/read-file.ts';
import { saveDownload } from '../adapters/browser-files/save-download.ts';
import { IdbWorkspaceStore } from '../adapters/idb-store/idb-workspace-store.ts';
import { getStorageInfo, requestPersistence } from '../adapters/storage-quota/storage-info.ts';
import { createDataClient } from '../adapters/workers/data-client.ts';
import { createFeaturesClient } from '../adapters/workers/features-client.ts';
import { createPredictClient } from '../adapters/workers/predict-client.ts';
import { workerReplayer } from '../adapters/workers/replay-client.ts';
import { createMonitorClient } from '../adapters/workers/monitor-client.ts';
import { createDriftClient } from '../adapters/workers/drift-client.ts';
import { startTraining } from '../adapters/workers/train-client.ts';
import { createTransformClient } from '../adapters/workers/transform-client.ts';
import { ActorState } from './actor-state.svelte.ts';
import { AuditState } from './audit-state.svelte.ts';
import { DataState } from './data-state.svelte.ts';
import { PredictionLogState } from './deploy-log-state.svelte.ts';
import { RolloutState } from './deploy-rollout-state.svelte.ts';
import { DeployState } from './deploy-state.svelte.ts';
import { FeatureCatalogState } from './feature-catalog-state.svelte.ts';
import { FeatureJoinState } from './feature-join-state.svelte.ts';
import { FeatureServiceForm } from './feature-service-form.svelte.ts';
import { FeatureOnlineState } from './feature-online-state.svelte.ts';
import { FeatureViewForm } from './feature-view-form.svelte.ts';
import { lazyDataClient } from './lazy-data-client.ts';
import { LessonState } from './lesson-state.svelte.ts';
import { LineageState } from './lineage-state.svelte.ts';
import { MissingRowsState } from './missing-rows-state.svelte.ts';
import { ModelCardState } from './model-card-state.svelte.ts';
import { ModelTransferState } from './model-transfer-state.svelte.ts';
import { PredictState } from './predict-state.svelte.ts';
import { MonitorState } from './monitor-state.svelte.ts';
import { DriftDashboardState } from './monitor-drift.svelte.ts';
import { RegistryState } from './registry-state.svelte.ts';
import { RunsState } from './runs-state.svelte.ts';
import { StorageState } from './storage-state.svelte.ts';
import { MaturityState } from './maturity-state.svelte.ts';
import { WorkspaceBundleState } from './workspace-bundle-state.svelte.ts';
import { restoreSnapshotToIdb } from '../adapters/idb-store/restore-snapshot.ts';
import { TrainForm } from './train-form.svelte.ts';
import { TrainState } from './train-state.svelte.ts';
import { TransformState } from './transform-state.svelte.ts';
import { UiState } from './ui-state.svelte.ts';
import { VersionsState } from './versions-state.svelte.ts';
import type { WorkspaceContext } from './workspace-context.ts';
import { WorkspaceChanges } from './workspace-changes.ts';

const changes = new WorkspaceChanges();
/** The IndexedDB-backed workspace (database `mlops-workbench`), opened on first use. */
const store = new IdbWorkspaceStore();

/** Who is acting: the context's `actor()` reads it, so it is built first. */
export const actor = new ActorState({ store, changes });

const context: WorkspaceContext = {
  store,
  changes,
  now: () => new Date().toISOString(),
  actor: () => actor.name,
  data: lazyDataClient(createDataClient),
  trainer: { start: startTraining, platform: `browser: ${navigator.userAgent}` },
  predict: createPredictClient(),
  files: { readBytes: readFileBytes, download: saveDownload },
  quota: { info: getStorageInfo, persist: requestPersistence },
};

export const data = new DataState(context);
export const versions = new VersionsState(context);
export const transform = new TransformState(context, createTransformClient());
export const runs = new RunsState(context);
export const training = new TrainState(context);
export const trainForm = new TrainForm(versions);
export const missingRows = new MissingRowsState(context);
export const registry = new RegistryState(context);
export const modelCard = new ModelCardState(context);
export const modelTransfer = new ModelTransferState(context);
export const predict = new PredictState(context);
export const lineage = new LineageState(context);
export const audit = new AuditState(context);
export const storage = new StorageState(context);
export const maturity = new MaturityState(context);
export const workspaceBundle = new WorkspaceBundleState(context, (snapshot) => restoreSnapshotToIdb(snapshot));
export const deployments = new DeployState(context, workerReplayer);
export const rollout = new RolloutState(context, workerReplayer);
export const predictionLog = new PredictionLogState(context);
export const monitor = new MonitorState(context, {
  runner: createMonitorClient(),
  newId: () => crypto.randomUUID(),
});
export const driftDashboard = new DriftDashboardState(context, monitor, createDriftClient);
export const lessons = new LessonState(context, { lockModelKind: (kind) => (trainForm.modelKind = kind) });
const featuresClient = createFeaturesClient();
export const featureCatalog = new FeatureCatalogState(context);
export const featureForm = new FeatureViewForm(context, () => versions.list);
export const featureJoin = new FeatureJoinState(context, featuresClient);
export const featureServiceForm = new FeatureServiceForm(context);
export const featureOnline = new FeatureOnlineState(context, featuresClient);
export const ui = new UiState({
  read: () => location.hash,
  write: (hash) => history.replaceState(null, '', hash),
});

/** Reads the whole stored workspace once, at start-up. */
export function loadWorkspace(): Promise<void> {
  return changes.notify('all');
}
