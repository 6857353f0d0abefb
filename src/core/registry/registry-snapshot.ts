import { WorkbenchError } from '../errors.ts';
import type { RecordExpectation, WorkspaceStore } from '../ports.ts';
import type { ModelVersion, RegisteredModel, StageTransition } from './registry-types.ts';

/**
 * Every registry record at one moment: what the planning functions read.
 * Plans are computed from a snapshot and committed with expectations that
 * the records they read are unchanged, so a stale plan is refused.
 */
export interface RegistrySnapshot {
  models: RegisteredModel[];
  versions: ModelVersion[];
  transitions: StageTransition[];
}

/** Reads the whole registry from a store. */
export async function readRegistry(store: WorkspaceStore): Promise<RegistrySnapshot> {
  const [models, versions, transitions] = await Promise.all([
    store.listRecords('models'),
    store.listRecords('modelVersions'),
    store.listRecords('stageTransitions'),
  ]);
  return { models, versions, transitions };
}

/** The key of a model version: `name@version`. */
export function versionId(modelName: string, version: number): string {
  return `${modelName}@${version}`;
}

/** The model named `name`, or a `registry.model_not_found` error that lists the models there are. */
export function requireModel(snapshot: RegistrySnapshot, name: string): RegisteredModel {
  const model = snapshot.models.find((m) => m.name === name);
  if (model) return model;
  const known = snapshot.models.map((m) => `"${m.name}"`).join(', ');
  throw new WorkbenchError(
    'registry.model_not_found',
    `There is no model named "${name}". ${known ? `Pick one of ${known}, or register` : 'Register'} a run under that name first.`,
  );
}

/** Versions of one model, oldest first. */
export function versionsOf(snapshot: RegistrySnapshot, modelName: string): ModelVersion[] {
  return snapshot.versions.filter((v) => v.modelName === modelName).sort((a, b) => a.version - b.version);
}

/** Version `version` of a model, or a `registry.version_not_found` error. */
export function requireVersion(snapshot: RegistrySnapshot, modelName: string, version: number): ModelVersion {
  requireModel(snapshot, modelName);
  const found = snapshot.versions.find((v) => v.modelName === modelName && v.version === version);
  if (found) return found;
  const numbers = versionsOf(snapshot, modelName).map((v) => v.version);
  throw new WorkbenchError(
    'registry.version_not_found',
    `Model "${modelName}" has no version ${version}. ${numbers.length ? `Its versions are ${numbers.join(', ')}.` : 'It has no versions yet.'}`,
  );
}

/** A version found by its number or by one of its aliases (e.g. `champion`). */
export function resolveVersion(snapshot: RegistrySnapshot, modelName: string, ref: number | string): ModelVersion {
  const asNumber = typeof ref === 'number' ? ref : /^\d+$/.test(ref) ? Number(ref) : null;
  if (asNumber !== null) return requireVersion(snapshot, modelName, asNumber);
  requireModel(snapshot, modelName);
  const found = versionsOf(snapshot, modelName).find((v) => v.aliases.includes(ref as string));
  if (found) return found;
  throw new WorkbenchError(
    'registry.alias_not_found',
    `Model "${modelName}" has no version with the alias "${ref}". Use a version number or set the alias first.`,
  );
}

/** The version of a model now in Production, if any. */
export function productionVersion(snapshot: RegistrySnapshot, modelName: string): ModelVersion | undefined {
  return snapshot.versions.find((v) => v.modelName === modelName && v.stage === 'Production');
}

/** The sequence number in a transition id (`name@3#12` → 12). */
export function transitionSeq(transition: StageTransition): number {
  return Number(transition.id.slice(transition.id.lastIndexOf('#') + 1));
}

/** The id the next transition of a version gets: `name@n#seq`, one past the highest seq so far. */
export function nextTransitionId(snapshot: RegistrySnapshot, version: ModelVersion): string {
  let seq = 0;
  for (const t of snapshot.transitions) {
    if (t.modelName === version.modelName && t.version === version.version) seq = Math.max(seq, transitionSeq(t));
  }
  return `${version.id}#${seq + 1}`;
}

/** Expect every version of a model to be as read: a plan that reasons about the whole model (one Production, unique aliases) needs it. */
export function expectVersionsUnchanged(snapshot: RegistrySnapshot, modelName: string): RecordExpectation[] {
  return versionsOf(snapshot, modelName).map((v) => ({ kind: 'modelVersions', key: v.id, equals: v }));
}
