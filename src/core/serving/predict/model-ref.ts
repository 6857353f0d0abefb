import { WorkbenchError } from '../../errors.ts';
import { requireModel, resolveVersion, versionsOf, type RegistrySnapshot } from '../../registry/registry-snapshot.ts';
import { STAGES, type ModelVersion, type Stage } from '../../registry/registry-types.ts';

/** A model reference as typed: `churn`, `churn@3`, `churn@Production`, `churn@champion`. */
export interface ModelRef {
  name: string;
  /** What follows `@`; null for a bare name (its Production version). */
  ref: string | null;
}

/**
 * Splits `name@ref` at its last `@` (model names may not hold one, see
 * checkModelName).
 *
 * @example
 * parseModelRef('churn@Production'); // { name: 'churn', ref: 'Production' }
 */
export function parseModelRef(text: string): ModelRef {
  const at = text.lastIndexOf('@');
  const name = at < 0 ? text : text.slice(0, at);
  const ref = at < 0 ? null : text.slice(at + 1);
  if (name.trim() === '' || ref === '') {
    throw new WorkbenchError(
      'serving.bad_model_ref',
      `"${text}" is not a model reference. Write <name>, <name>@<version>, <name>@<stage> or <name>@<alias>, e.g. churn@2 or churn@Production.`,
    );
  }
  return { name, ref };
}

/**
 * The version a reference names: a number, a stage (any case; the newest
 * version in it — Production holds at most one), an alias, or with no ref
 * the Production version.
 *
 * @throws WorkbenchError `serving.no-version-in-stage`, or the registry's not-found errors
 */
export function resolveModelRef(snapshot: RegistrySnapshot, { name, ref }: ModelRef): ModelVersion {
  requireModel(snapshot, name);
  const stage = ref === null ? 'Production' : STAGES.find((s) => s.toLowerCase() === ref.toLowerCase());
  if (stage === undefined) return resolveVersion(snapshot, name, ref as string);
  const inStage = versionsOf(snapshot, name).filter((v) => v.stage === stage);
  const found = inStage.at(-1);
  if (found) return found;
  throw noneIn(name, stage, versionsOf(snapshot, name));
}

function noneIn(name: string, stage: Stage, versions: ModelVersion[]): WorkbenchError {
  const list = versions.map((v) => `${v.version} (${v.stage})`).join(', ');
  return new WorkbenchError(
    'serving.no_version_in_stage',
    `Model "${name}" has no version in ${stage}. Name a version instead (${name}@<n>; its versions are ${list || 'none yet'}), or promote one to ${stage} first.`,
  );
}
