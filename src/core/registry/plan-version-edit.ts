import type { AuditDraft, AuditEventData } from '../audit/audit-event.ts';
import type { EventHead } from '../audit/events/event-head.ts';
import { modelCardUpdated, modelUpdated, modelVersionUpdated } from '../audit/events/registry-events.ts';
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
  const data: AuditEventData['model.version_updated'] = {};
  if (input.description !== undefined) data.description = record.description;
  if (input.tags) data.tags = record.tags;
  return versionEdit(current, record, modelVersionUpdated(head(input), current.id, data));
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
  return versionEdit(current, { ...current, card }, modelCardUpdated(head(input), current.id, card));
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
    event: modelUpdated(head(input), current.name, input.description),
    record,
  };
}

function versionEdit(current: ModelVersion, record: ModelVersion, event: AuditDraft): EditPlan<ModelVersion> {
  return {
    change: {
      puts: [{ kind: 'modelVersions', value: record }],
      expect: [{ kind: 'modelVersions', key: current.id, equals: current }],
    },
    event,
    record,
  };
}

function head(input: EditBase): EventHead {
  return { at: input.now, actor: input.actor };
}

function check(input: EditBase): void {
  checkActor(input.actor);
  checkNow(input.now);
}
