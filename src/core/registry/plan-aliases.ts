import { modelAliasesSet } from '../audit/events/registry-events.ts';
import type { AuditDraft } from '../audit/audit-event.ts';
import type { RecordChange, RecordPut } from '../ports.ts';
import { expectVersionsUnchanged, requireVersion, versionsOf, type RegistrySnapshot } from './registry-snapshot.ts';
import type { ModelVersion } from './registry-types.ts';
import { checkActor, checkAlias, checkNow } from './registry-validation.ts';

/** Which version gets which aliases, by whom and when. */
export interface SetAliasesInput {
  modelName: string;
  version: number;
  /** The version's complete alias list after the change. */
  aliases: string[];
  actor: string;
  now: string;
}

/** An alias change ready to commit. */
export interface AliasPlan {
  change: RecordChange;
  event: AuditDraft;
  version: ModelVersion;
  /** Aliases taken away from other versions of the model. */
  movedFrom: { version: number; alias: string }[];
}

/**
 * Plans setting a version's aliases. An alias names one version of a model
 * at most, so an alias held by another version moves here (and is removed
 * there) in the same change.
 *
 * @example
 * planAliases(snapshot, { modelName: 'churn', version: 3, aliases: ['champion'], actor, now });
 */
export function planAliases(snapshot: RegistrySnapshot, input: SetAliasesInput): AliasPlan {
  checkActor(input.actor);
  checkNow(input.now);
  const aliases = [...new Set(input.aliases.map((a) => a.trim()))];
  aliases.forEach(checkAlias);
  const target = requireVersion(snapshot, input.modelName, input.version);
  const updated: ModelVersion = { ...target, aliases };
  const puts: RecordPut[] = [{ kind: 'modelVersions', value: updated }];
  const movedFrom: AliasPlan['movedFrom'] = [];
  for (const other of versionsOf(snapshot, input.modelName)) {
    if (other.id === target.id) continue;
    const taken = other.aliases.filter((a) => aliases.includes(a));
    if (!taken.length) continue;
    puts.push({
      kind: 'modelVersions',
      value: { ...other, aliases: other.aliases.filter((a) => !aliases.includes(a)) },
    });
    for (const alias of taken) movedFrom.push({ version: other.version, alias });
  }
  const removed = target.aliases.filter((a) => !aliases.includes(a));
  return {
    change: { puts, expect: expectVersionsUnchanged(snapshot, input.modelName) },
    event: modelAliasesSet({ at: input.now, actor: input.actor }, target.id, {
      aliases,
      previous: target.aliases,
      removed,
      movedFrom,
    }),
    version: updated,
    movedFrom,
  };
}
