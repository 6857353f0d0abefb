import type { RecordBinding } from './record-binding.ts';

/**
 * One entry of the append-only, hash-chained audit log.
 *
 * `hash` is the SHA-256 (hex) of the canonical JSON of every other field,
 * `prevHash` included, so editing, deleting or reordering any event breaks
 * the chain from that point on.
 */
export interface AuditEvent {
  /** 1, 2, 3… in append order. */
  seq: number;
  /** ISO 8601. */
  at: string;
  actor: string;
  /** Dotted name, e.g. `dataset.version_saved`, `column.type_overridden`. */
  type: string;
  /** What the event is about, e.g. a dataset version id. */
  subject: string;
  /** Small, JSON-serialisable details. */
  data: Record<string, unknown>;
  /** `hash` of the previous event; 64 zeros for the first. */
  prevHash: string;
  /**
   * The records and blobs this event wrote, each with its digest
   * (record-binding.ts); `[]` when it wrote none. Absent on events written
   * before record binding, which hash as they always did.
   */
  records?: RecordBinding[];
  hash: string;
}

/** An event before it is sealed into the chain. */
export type AuditDraft = Pick<AuditEvent, 'at' | 'actor' | 'type' | 'subject' | 'data'>;

export const GENESIS_HASH = '0'.repeat(64);
