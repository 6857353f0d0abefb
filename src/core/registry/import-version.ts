/**
 * The workspace side of importing a model bundle: the verified bundle
 * becomes a new version of its model here, in Development, with its
 * artifact stored once by hash.
 */
import { modelImported } from '../audit/events/registry-events.ts';
import type { AuditDraftOf } from '../audit/audit-event.ts';
import { WorkbenchError } from '../errors.ts';
import { canonicalJson } from '../hash/canonical-json.ts';
import { sha256Hex } from '../hash/sha256.ts';
import type { BlobInput, RecordChange, WorkspaceStore } from '../ports.ts';
import { sameData } from '../same-data.ts';
import { importModelBundle, type ImportedModelBundle } from './bundle/import-model-bundle.ts';
import type { Committed } from './registry-service.ts';
import { readRegistry, versionId, versionsOf, type RegistrySnapshot } from './registry-snapshot.ts';
import { DEFAULT_GATES, type ModelVersion, type RegisteredModel } from './registry-types.ts';
import { checkActor, checkNow } from './registry-validation.ts';
import { versionMetrics } from './version-metrics.ts';

/** Who imports, when, and the hashes of the bundle's side files (see {@link importSideBlobs}). */
export interface ImportVersionInput {
  actor: string;
  now: string;
  /** SHA-256 of the bundle's model card Markdown, stored as a blob. */
  cardBlob: string;
  /** SHA-256 of the canonical JSON of the bundle's run part (spec and fitted preprocessing), stored as a blob. */
  runBlob: string;
  /** Whether the version's metrics are only the exporter's word (see {@link checkImportedMetrics}); default true. */
  metricsReportedByExporter?: boolean;
}

/** An import ready to commit. */
export interface ImportPlan {
  change: RecordChange;
  event: AuditDraftOf<'model.imported'>;
  version: ModelVersion;
  /** Set when the model did not exist and is created with {@link DEFAULT_GATES}. */
  createdModel: RegisteredModel | null;
  /** The number the version had in its source workspace when it was taken here, else `null`. */
  renumberedFrom: number | null;
}

/**
 * Plans storing an imported version: the model is created (default gates)
 * when absent; the version keeps its number unless that number is taken,
 * then gets `latestVersion + 1`. It starts in Development with no aliases,
 * keeps its original creation time and author, and records the import
 * (when, by whom, its original id) in `imported` and in the audit event
 * (`model.imported`, with the artifact hash). A bundle
 * whose artifact is already a version of that model is refused.
 */
export function planImport(
  snapshot: RegistrySnapshot,
  bundle: ImportedModelBundle,
  input: ImportVersionInput,
): ImportPlan {
  checkActor(input.actor);
  checkNow(input.now);
  const source = bundle.version;
  const name = source.modelName;
  const existing = snapshot.models.find((m) => m.name === name);
  const same = versionsOf(snapshot, name).find((v) => v.artifactBlob === source.artifactBlob);
  if (same) {
    throw new WorkbenchError(
      'registry.already_imported',
      `This bundle's model (artifact ${source.artifactBlob.slice(0, 12)}) is already version ${same.version} of "${name}" in this workspace. Use that version; importing it again would only duplicate it.`,
    );
  }
  const taken = versionsOf(snapshot, name).some((v) => v.version === source.version);
  const number = taken ? (existing?.latestVersion ?? 0) + 1 : source.version;
  const model: RegisteredModel = existing
    ? { ...existing, latestVersion: Math.max(existing.latestVersion, number) }
    : { name, createdAt: input.now, description: '', gates: structuredClone(DEFAULT_GATES), latestVersion: number };
  const id = versionId(name, number);
  const metricsReportedByExporter = input.metricsReportedByExporter ?? true;
  const version: ModelVersion = {
    ...structuredClone(source),
    id,
    version: number,
    stage: 'Development',
    aliases: [],
    metricsReportedByExporter,
    imported: { at: input.now, by: input.actor, fromId: source.id },
  };
  const blobs: BlobInput[] = [{ hash: source.artifactBlob, bytes: bundle.artifactBytes }];
  const change: RecordChange = {
    puts: [
      { kind: 'models', value: model },
      { kind: 'modelVersions', value: version },
    ],
    blobs,
    expect: [
      { kind: 'models', key: name, equals: existing },
      { kind: 'modelVersions', key: id, equals: undefined },
    ],
  };
  const event = modelImported({ at: input.now, actor: input.actor }, id, {
    modelName: name,
    version: number,
    originalId: source.id,
    originalCreatedAt: source.createdAt,
    originalCreatedBy: source.createdBy,
    renumberedFrom: taken ? source.version : null,
    modelCreated: !existing,
    artifactBlob: source.artifactBlob,
    runId: source.runId,
    datasetVersionId: source.datasetVersionId,
    metricsReportedByExporter,
    cardBlob: input.cardBlob,
    runBlob: input.runBlob,
  });
  return {
    change,
    event,
    version,
    createdModel: existing ? null : model,
    renumberedFrom: taken ? source.version : null,
  };
}

/**
 * The bundle's files the workspace keeps besides the artifact: the model
 * card as exported and the run part (spec and preprocessing, which scoring
 * an imported model needs since its run is not in this workspace).
 */
export async function importSideBlobs(bundle: ImportedModelBundle): Promise<{ card: BlobInput; run: BlobInput }> {
  const cardBytes = new TextEncoder().encode(bundle.cardMarkdown);
  const runBytes = new TextEncoder().encode(canonicalJson(bundle.run));
  return {
    card: { hash: await sha256Hex(cardBytes), bytes: cardBytes },
    run: { hash: await sha256Hex(runBytes), bytes: runBytes },
  };
}

/**
 * Verifies a bundle zip (see {@link importModelBundle}: a corrupted one is
 * refused with a `bundle.*` error) and stores it as a version of its model.
 *
 * @example
 * const { version, renumberedFrom } = await importModelVersion(store, zipBytes, { actor: 'ana', now: clock.iso() });
 */
export async function importModelVersion(
  store: WorkspaceStore,
  zipBytes: Uint8Array,
  input: { actor: string; now: string },
): Promise<Committed<ImportPlan>> {
  const bundle = await importModelBundle(zipBytes);
  const side = await importSideBlobs(bundle);
  const plan = planImport(await readRegistry(store), bundle, {
    ...input,
    cardBlob: side.card.hash,
    runBlob: side.run.hash,
    metricsReportedByExporter: await checkImportedMetrics(store, bundle.version),
  });
  plan.change.blobs = [...(plan.change.blobs ?? []), side.card, side.run];
  return { ...plan, audit: await store.commit(plan.change, plan.event) };
}

/**
 * Whether an imported version's metrics must be marked as the exporter's
 * word: true unless this workspace holds the completed run that trained
 * exactly this model (same artifact hash), whose metrics are then compared
 * with the bundle's. Without that run (and usually without its dataset)
 * nothing here can re-derive them, so a bundle may claim anything in range.
 * Metrics that differ from the run's are refused: they were edited.
 */
export async function checkImportedMetrics(store: WorkspaceStore, version: ModelVersion): Promise<boolean> {
  const run = await store.getRun(version.runId);
  if (!run?.outcome || run.outcome.modelBlob !== version.artifactBlob) return true;
  const measured = versionMetrics(run.outcome.metrics);
  const keys = new Set([...Object.keys(measured), ...Object.keys(version.metrics)]);
  const differ = [...keys].filter((k) => !sameData(measured[k] ?? null, version.metrics[k] ?? null));
  if (differ.length > 0) {
    throw new WorkbenchError(
      'registry.import_metrics_differ',
      `version.json reports ${differ.map((k) => `${k} ${JSON.stringify(version.metrics[k] ?? null)}`).join(', ')}, but run "${run.name}" in this workspace, which trained exactly this model, measured ${differ.map((k) => `${k} ${JSON.stringify(measured[k] ?? null)}`).join(', ')}. The bundle's metrics were edited: export the model again from the workbench, or register the run here.`,
    );
  }
  return false;
}
