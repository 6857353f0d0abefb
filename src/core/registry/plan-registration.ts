import { modelRegistered } from '../audit/events/registry-events.ts';
import type { AuditDraft } from '../audit/audit-event.ts';
import type { DatasetVersion } from '../data/versions/dataset-version.ts';
import { WorkbenchError } from '../errors.ts';
import type { RecordChange } from '../ports.ts';
import type { RunRecord } from '../train/run-record.ts';
import { versionsOf, versionId, type RegistrySnapshot } from './registry-snapshot.ts';
import { DEFAULT_GATES, type ModelVersion, type RegisteredModel } from './registry-types.ts';
import { checkActor, checkModelName, checkNow, checkTags } from './registry-validation.ts';
import { buildSignature } from './signature.ts';
import { versionMetrics } from './version-metrics.ts';

/** What registering a run needs: the run, its dataset version, the model name, who and when. */
export interface RegisterRunInput {
  run: RunRecord;
  /** The dataset version the run was trained on (its schema gives the signature). */
  datasetVersion: DatasetVersion;
  modelName: string;
  description?: string;
  tags?: Record<string, string>;
  actor: string;
  /** ISO 8601, from the clock passed in. */
  now: string;
}

/** A registration ready to commit: the change, its audit event and the version it creates. */
export interface RegistrationPlan {
  change: RecordChange;
  event: AuditDraft;
  version: ModelVersion;
  /** Set when the model did not exist and is created with default gates. */
  createdModel: RegisteredModel | null;
}

/**
 * Plans the registration of a completed run as the next version of a model
 * (created with {@link DEFAULT_GATES} if new), in Development. The change
 * expects the model record as read, so two plans made from the same
 * snapshot cannot both issue the same version number.
 */
export function planRegistration(snapshot: RegistrySnapshot, input: RegisterRunInput): RegistrationPlan {
  const { run, datasetVersion, modelName, actor, now } = input;
  checkModelName(modelName);
  checkActor(actor);
  checkNow(now);
  checkTags(input.tags ?? {});
  if (run.status !== 'completed' || !run.outcome) {
    throw new WorkbenchError(
      'registry.run_not_completed',
      `Run "${run.name}" ${run.status === 'completed' ? 'has no outcome' : `was ${run.status}`}: only completed runs can be registered. Pick a completed run.`,
    );
  }
  if (run.datasetVersionId !== datasetVersion.id) {
    throw new WorkbenchError(
      'registry.wrong_dataset',
      `Run "${run.name}" was trained on dataset version ${run.datasetVersionId.slice(0, 12)}, not ${datasetVersion.id.slice(0, 12)}. Pass the run's own dataset version.`,
    );
  }
  const existing = snapshot.models.find((m) => m.name === modelName);
  const again = versionsOf(snapshot, modelName).find((v) => v.runId === run.id);
  if (again) {
    throw new WorkbenchError(
      'registry.run_already_registered',
      `Run "${run.name}" is already version ${again.version} of "${modelName}". Use that version, or register another run.`,
    );
  }
  const model: RegisteredModel = existing
    ? { ...existing, latestVersion: existing.latestVersion + 1 }
    : { name: modelName, createdAt: now, description: '', gates: structuredClone(DEFAULT_GATES), latestVersion: 1 };
  const id = versionId(modelName, model.latestVersion);
  const outcome = run.outcome;
  const version: ModelVersion = {
    id,
    modelName,
    version: model.latestVersion,
    runId: run.id,
    datasetVersionId: run.datasetVersionId,
    featureSetId: null,
    createdAt: now,
    createdBy: actor,
    stage: 'Development',
    aliases: [],
    description: input.description ?? '',
    tags: { ...(input.tags ?? {}) },
    modelKind: run.spec.model.kind,
    metrics: versionMetrics(outcome.metrics),
    testRows: outcome.metrics.n,
    signature: buildSignature(run, datasetVersion),
    artifactBlob: outcome.modelBlob,
    artifactBytes: outcome.modelBytes,
    card: { intendedUse: '', limitations: '' },
  };
  const change: RecordChange = {
    puts: [
      { kind: 'models', value: model },
      { kind: 'modelVersions', value: version },
    ],
    expect: [
      { kind: 'models', key: modelName, equals: existing },
      { kind: 'modelVersions', key: id, equals: undefined },
    ],
  };
  const event = modelRegistered({ at: now, actor }, id, {
    modelName,
    version: version.version,
    runId: run.id,
    datasetVersionId: run.datasetVersionId,
    modelCreated: !existing,
    artifactBlob: version.artifactBlob,
    metrics: version.metrics,
  });
  return { change, event, version, createdModel: existing ? null : model };
}
