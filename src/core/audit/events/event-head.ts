import type { AuditDraftOf, AuditEventData, AuditEventType } from '../audit-event.ts';

/** When and by whom: what every event builder needs besides its domain facts. */
export interface EventHead {
  /** ISO 8601, from the caller's clock. */
  at: string;
  actor: string;
}

/** A draft of `type` about `subject`; the per-domain builders are named wrappers around it. */
export function draftOf<T extends AuditEventType>(
  head: EventHead,
  type: T,
  subject: string,
  data: AuditEventData[T],
): AuditDraftOf<T> {
  return { at: head.at, actor: head.actor, type, subject, data };
}
