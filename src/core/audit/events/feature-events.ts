import type { AuditDraftOf, AuditEventData } from '../audit-event.ts';
import { draftOf, type EventHead } from './event-head.ts';

// The feature store: definitions applied, online store materialized.

/** `features.applied` (subject: where the definitions came from, e.g. `features.json`). */
export function featuresApplied(
  head: EventHead,
  origin: string,
  data: AuditEventData['features.applied'],
): AuditDraftOf<'features.applied'> {
  return draftOf(head, 'features.applied', origin, data);
}

/** `features.materialized` (subject: the end time materialized up to). */
export function featuresMaterialized(
  head: EventHead,
  data: AuditEventData['features.materialized'],
): AuditDraftOf<'features.materialized'> {
  return draftOf(head, 'features.materialized', data.end, data);
}
