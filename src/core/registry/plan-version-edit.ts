import type { AuditDraft } from '../audit/audit-event.ts';
import type { RecordChange } from '../ports.ts';
import { requireModel, requireVersion, type RegistrySnapshot } from './registry-snapshot.ts';
import type { ModelVersion, RegisteredModel } from './registry-types.ts';
import { checkActor, checkNow, checkTags } from './registry-validation.ts';

interface EditBase {
  modelName: string;
  actor: string;
  now: string;
}

/** A change to one record, ready to commit. */
export interface EditPlan<T> {
  change: RecordChange;
  event: AuditDraft;
  record: T;
}

/** Plans replacing a version's description and/or tags (fields left out stay as they are). */
export function planVersionDetails(
  snapshot: RegistrySnapshot,
  input: EditBase & { version: number; description?: string; tags?: Record<string, string> },
): EditPlan<ModelVersion> {
  check(input);
  if (input.tags) checkTags(input.tags);
  const current = requireVersion(snapshot, input.modelName, input.version);
  const record: ModelVersion = {
    ...current,
    description: input.description ?? current.description,
    tags: input.tags ? { ...input.tags } : current.tags,
  };
  const data: Record<string, unknown> = {};
  if (input.description !== undefined) data.description = record.description;
  if (input.tags) data.tags = record.tags;
  return versionEdit(current, record, input, 'model.version_updated', data);
}

/** Plans editing the free-text parts of a version's model card. */
export function planCardUpdate(
  snapshot: RegistrySnapshot,
  input: EditBase & { version: number; intendedUse?: string; limitations?: string },
): EditPlan<ModelVersion> {
  check(input);
  const current = requireVersion(snapshot, input.modelName, input.version);
  const card = {
    intendedUse: input.intendedUse ?? current.card.intendedUse,
    limitations: input.limitations ?? current.card.limitations,
  };
  return versionEdit(current, { ...current, card }, input, 'model.card_updated', { ...card });
}

/** Plans replacing a model's description. */
export function planModelDescription(
  snapshot: RegistrySnapshot,
  input: EditBase & { description: string },
): EditPlan<RegisteredModel> {
  check(input);
  const current = requireModel(snapshot, input.modelName);
  const record: RegisteredModel = { ...current, description: input.description };
  return {
    change: {
      puts: [{ kind: 'models', value: record }],
      expect: [{ kind: 'models', key: current.name, equals: current }],
    },
    event: {
      at: input.now,
      actor: input.actor,
      type: 'model.updated',
      subject: current.name,
      data: { description: input.description },
    },
    record,
  };
}

function versionEdit(
  current: ModelVersion,
  record: ModelVersion,
  input: EditBase,
  type: string,
  data: Record<string, unknown>,
): EditPlan<ModelVersion> {
  return {
    change: {
      puts: [{ kind: 'modelVersions', value: record }],
      expect: [{ kind: 'modelVersions', key: current.id, equals: current }],
    },
    event: { at: input.now, actor: input.actor, type, subject: current.id, data },
    record,
  };
}

function check(input: EditBase): void {
  checkActor(input.actor);
  checkNow(input.now);
}
