import type { AuditDraftOf, AuditEventData } from '../audit-event.ts';
import { draftOf, type EventHead } from './event-head.ts';

// The registry's plans compute these payloads from the records they change;
// the builders give each its type and subject (a version id or a model name).

/** `model.registered`: a completed run became a new version (subject: the version id). */
export function modelRegistered(
  head: EventHead,
  versionId: string,
  data: AuditEventData['model.registered'],
): AuditDraftOf<'model.registered'> {
  return draftOf(head, 'model.registered', versionId, data);
}

/** `model.imported`: a version came in from a bundle (subject: its id here). */
export function modelImported(
  head: EventHead,
  versionId: string,
  data: AuditEventData['model.imported'],
): AuditDraftOf<'model.imported'> {
  return draftOf(head, 'model.imported', versionId, data);
}

/** `model.updated`: a model's description was replaced (subject: the model name). */
export function modelUpdated(head: EventHead, modelName: string, description: string): AuditDraftOf<'model.updated'> {
  return draftOf(head, 'model.updated', modelName, { description });
}

/** `model.version_updated`: a version's description and/or tags were edited. */
export function modelVersionUpdated(
  head: EventHead,
  versionId: string,
  data: AuditEventData['model.version_updated'],
): AuditDraftOf<'model.version_updated'> {
  return draftOf(head, 'model.version_updated', versionId, data);
}

/** `model.card_updated`: the free-text parts of a version's model card were edited. */
export function modelCardUpdated(
  head: EventHead,
  versionId: string,
  card: AuditEventData['model.card_updated'],
): AuditDraftOf<'model.card_updated'> {
  return draftOf(head, 'model.card_updated', versionId, {
    intendedUse: card.intendedUse,
    limitations: card.limitations,
  });
}

/** `model.aliases_set`: a version's aliases were replaced (some maybe taken from other versions). */
export function modelAliasesSet(
  head: EventHead,
  versionId: string,
  data: AuditEventData['model.aliases_set'],
): AuditDraftOf<'model.aliases_set'> {
  return draftOf(head, 'model.aliases_set', versionId, data);
}

/** `model.gates_set`: a model's promotion gates were replaced (subject: the model name). */
export function modelGatesSet(
  head: EventHead,
  modelName: string,
  data: AuditEventData['model.gates_set'],
): AuditDraftOf<'model.gates_set'> {
  return draftOf(head, 'model.gates_set', modelName, data);
}

/** `model.promotion_blocked`: a stage change the gates refused (kept, like the ones that pass). */
export function modelPromotionBlocked(
  head: EventHead,
  versionId: string,
  data: AuditEventData['model.promotion_blocked'],
): AuditDraftOf<'model.promotion_blocked'> {
  return draftOf(head, 'model.promotion_blocked', versionId, data);
}

/** `model.stage_changed`: a version moved stage (and maybe archived the former Production version). */
export function modelStageChanged(
  head: EventHead,
  versionId: string,
  data: AuditEventData['model.stage_changed'],
): AuditDraftOf<'model.stage_changed'> {
  return draftOf(head, 'model.stage_changed', versionId, data);
}
