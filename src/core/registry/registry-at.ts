import { transitionSeq, type RegistrySnapshot } from './registry-snapshot.ts';
import type { ModelVersion, RegisteredModel, Stage, StageTransition } from './registry-types.ts';

/** The registry as it was at a past moment. */
export interface RegistryView {
  at: string;
  models: RegisteredModel[];
  /** Versions that existed then, with the stage they held then. */
  versions: ModelVersion[];
}

/**
 * Stage history in the order it happened: by time, then model, version and
 * sequence; an archive caused by a promotion comes right after it (they
 * share a time).
 *
 * @param filter keep only one model, or one version of it
 */
export function stageHistory(
  snapshot: RegistrySnapshot,
  filter: { modelName?: string; version?: number } = {},
): StageTransition[] {
  const byId = new Map(snapshot.transitions.map((t) => [t.id, t]));
  const key = (t: StageTransition) => {
    const cause = t.causedBy ? byId.get(t.causedBy) : undefined;
    const anchor = cause ?? t;
    return {
      at: anchor.at,
      model: anchor.modelName,
      version: anchor.version,
      seq: transitionSeq(anchor),
      caused: cause ? 1 : 0,
    };
  };
  return snapshot.transitions
    .filter(
      (t) =>
        (filter.modelName === undefined || t.modelName === filter.modelName) &&
        (filter.version === undefined || t.version === filter.version),
    )
    .map((t) => ({ t, k: key(t) }))
    .sort(
      (a, b) =>
        compare(a.k.at, b.k.at) ||
        compare(a.k.model, b.k.model) ||
        a.k.version - b.k.version ||
        a.k.seq - b.k.seq ||
        a.k.caused - b.k.caused,
    )
    .map(({ t }) => t);
}

/**
 * The registry as it was at `atIso`, rebuilt by replaying the completed
 * stage transitions up to and including that moment: models and versions
 * created later are absent, and each version has the stage it then held
 * (Development until its first transition). Only stages are historized in
 * the records; aliases, descriptions, tags, card text and gates show their
 * current values (their past values are in the audit log).
 *
 * @example
 * registryAt(snapshot, '2026-03-01T00:00:00.000Z').versions.filter((v) => v.stage === 'Production');
 */
export function registryAt(snapshot: RegistrySnapshot, atIso: string): RegistryView {
  const stages = new Map<string, Stage>();
  for (const t of stageHistory(snapshot)) {
    if (t.at > atIso) break;
    if (t.outcome === 'done') stages.set(`${t.modelName}@${t.version}`, t.to);
  }
  const versions = snapshot.versions
    .filter((v) => v.createdAt <= atIso)
    .map((v) => ({ ...v, stage: stages.get(v.id) ?? 'Development' }))
    .sort((a, b) => compare(a.modelName, b.modelName) || a.version - b.version);
  const models = snapshot.models
    .filter((m) => m.createdAt <= atIso)
    .map((m) => ({
      ...m,
      latestVersion: versions.reduce((n, v) => (v.modelName === m.name ? Math.max(n, v.version) : n), 0),
    }))
    .sort((a, b) => compare(a.name, b.name));
  return { at: atIso, models, versions };
}

/** Every moment something changed in the registry, oldest first (the stops of a time slider). */
export function registryMoments(snapshot: RegistrySnapshot): string[] {
  const times = new Set<string>();
  for (const v of snapshot.versions) times.add(v.createdAt);
  for (const t of snapshot.transitions) if (t.outcome === 'done') times.add(t.at);
  return [...times].sort(compare);
}

// ISO 8601 UTC strings of the same shape order as text.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
