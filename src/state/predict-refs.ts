/**
 * The ways the Predict view can name a version of a model: each version
 * number, each stage that holds a version, each alias — the references
 * `workbench predict name@…` takes.
 */
import { versionsOf, type RegistrySnapshot } from '../core/registry/registry-snapshot.ts';
import { STAGES } from '../core/registry/registry-types.ts';

export interface RefOption {
  /** What follows `@` in a model reference. */
  ref: string;
  label: string;
  group: 'Version' | 'Stage' | 'Alias';
}

/** Newest version first, then stages in promotion order, then aliases by name. */
export function refOptions(snapshot: RegistrySnapshot, modelName: string): RefOption[] {
  const versions = versionsOf(snapshot, modelName);
  const byVersion = [...versions]
    .sort((a, b) => b.version - a.version)
    .map((v) => ({ ref: String(v.version), label: `v${v.version} (${v.stage})`, group: 'Version' as const }));
  const stages = STAGES.filter((stage) => versions.some((v) => v.stage === stage)).map((stage) => ({
    ref: stage,
    label: stage,
    group: 'Stage' as const,
  }));
  const aliases = versions
    .flatMap((v) => v.aliases.map((alias) => ({ alias, version: v.version })))
    .sort((a, b) => a.alias.localeCompare(b.alias))
    .map(({ alias, version }) => ({ ref: alias, label: `${alias} (v${version})`, group: 'Alias' as const }));
  return [...byVersion, ...stages, ...aliases];
}
