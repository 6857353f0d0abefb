import type { AuditDraftOf } from '../audit-event.ts';
import type { RecordBinding } from '../record-binding.ts';

/** The type of the event a store writes before the first bound event of a chain that began without bindings. */
export const RECORDS_ADOPTED = 'audit.records_adopted';

/**
 * The event that binds every record a chain wrote before record binding
 * existed, as found at the first write that binds records. It vouches for
 * them from then on; it cannot say whether they were altered before.
 */
export function adoptionDraft(
  at: string,
  actor: string,
  bindings: readonly RecordBinding[],
): AuditDraftOf<typeof RECORDS_ADOPTED> {
  return {
    at,
    actor,
    type: RECORDS_ADOPTED,
    subject: '',
    data: {
      records: bindings.length,
      note: 'Records written before the audit chain bound records, bound as found at this point.',
    },
  };
}
