import { bindRecord, type RecordBinding } from '../../core/audit/record-binding.ts';
import type { JournalOp } from './journal.ts';
import { decodeRecord, encodeRecord } from './record-codec.ts';
import { SETTINGS_FILE, recordKey, recordPath, type FileRecordKind } from './workspace-layout.ts';

/** A planned record write: the journal op, the record as it will read back, and its binding for the audit event. */
export interface RecordWrite {
  op: JournalOp;
  stored: unknown;
  binding: RecordBinding;
}

/**
 * Plans writing `value` as a record of `kind` (one file under its key). It
 * is bound as it will read back from the file, so the digest the audit
 * event carries is the one verification recomputes.
 */
export function planRecordWrite(kind: FileRecordKind, value: unknown): RecordWrite {
  const text = encodeRecord(value);
  const key = recordKey(kind, value);
  const stored = decodeRecord(text);
  return { op: { op: 'write', path: recordPath(kind, key), text }, stored, binding: bindRecord(kind, key, stored) };
}

/** Plans replacing the settings file with `settings` (settings are not audited). */
export function planSettingsWrite(settings: ReadonlyMap<string, unknown>): JournalOp {
  return { op: 'write', path: SETTINGS_FILE, text: encodeRecord(Object.fromEntries(settings)) };
}
