import { WorkbenchError } from '../errors.ts';
import { canonicalJson } from '../hash/canonical-json.ts';
import { sha256HexSync } from '../hash/sha256.ts';
import { GENESIS_HASH, isAuditEventType, type AuditDraft, type AuditEvent } from './audit-event.ts';
import type { RecordBinding } from './record-binding.ts';

/**
 * The hash of an event: SHA-256 (hex) of the canonical JSON of every field
 * but `hash`. The fields are picked by name, so a stored record that gained
 * an extra property still hashes as the event it was.
 *
 * @example
 * eventHash({ seq: 1, at: '2024-01-01T00:00:00.000Z', actor: 'me', type: 'x', subject: '', data: {}, prevHash: GENESIS_HASH })
 */
export function eventHash(event: Omit<AuditEvent, 'hash'>): string {
  const { seq, at, actor, type, subject, data, prevHash, records } = event;
  // `records` undefined is dropped by the canonical encoding: older events hash as before.
  return sha256HexSync(canonicalJson({ seq, at, actor, type, subject, data, prevHash, records }));
}

/**
 * Seals a draft into the chain after `prev` (or as the first event when
 * `prev` is null): seq and prevHash follow `prev`, and the hash covers them.
 *
 * Stores pass `records`, what the event writes (`[]` for nothing), so the
 * chain binds the records (record-binding.ts); without it the event has the
 * shape events had before record binding.
 *
 * Synchronous on purpose: it runs inside IndexedDB transactions, which commit
 * themselves as soon as the code awaits anything that is not IndexedDB.
 *
 * @throws WorkbenchError `audit.invalid_event` when a field has the wrong
 *   type, the event type is unknown, or `data` holds something that is not plain JSON.
 * @example
 * const first = sealEvent(null, draft);        // seq 1, prevHash = GENESIS_HASH
 * const second = sealEvent(first, otherDraft); // seq 2, prevHash = first.hash
 */
export function sealEvent(prev: AuditEvent | null, draft: AuditDraft, records?: readonly RecordBinding[]): AuditEvent {
  assertDraft(draft);
  if (records) assertBindings(records);
  // Fields picked by name, as in eventHash; the cast re-pairs type and data,
  // which TypeScript cannot follow through the picking.
  const unsealed = {
    seq: prev ? prev.seq + 1 : 1,
    at: draft.at,
    actor: draft.actor,
    type: draft.type,
    subject: draft.subject,
    data: draft.data,
    prevHash: prev ? prev.hash : GENESIS_HASH,
    ...(records ? { records: records.map(({ kind, key, sha256 }) => ({ kind, key, sha256 })) } : {}),
  };
  return { ...unsealed, hash: eventHash(unsealed) } as AuditEvent;
}

function assertBindings(records: readonly RecordBinding[]): void {
  for (const r of records) {
    if (typeof r.kind !== 'string' || typeof r.key !== 'string' || !/^[0-9a-f]{64}$/.test(r.sha256))
      throw invalid(`a record binding (${describe(r.key)} of ${describe(r.kind)}) has no valid kind, key and SHA-256`);
  }
}

function assertDraft(draft: AuditDraft): void {
  for (const field of ['at', 'actor', 'type', 'subject'] as const) {
    if (typeof draft[field] !== 'string') {
      throw invalid(`its "${field}" is ${describe(draft[field])}, not a string`);
    }
  }
  // Drafts come from the builders under events/; a type they do not know would hash into the chain for good.
  if (!isAuditEventType(draft.type)) throw invalid(`its type "${draft.type}" is not an audit event type`);
  if (!isPlainObject(draft.data)) throw invalid(`its "data" is ${describe(draft.data)}, not a plain object`);
  const problem = findNonJson(draft.data, 'data');
  if (problem) throw invalid(problem);
}

/**
 * Why `value` is not plain JSON, or null when it is. Stricter than
 * JSON.stringify on purpose: a value JSON would silently drop or rewrite
 * (a function, a Map, a Date, NaN) would hash differently from what an
 * export then re-imports, and the chain would no longer verify.
 */
function findNonJson(value: unknown, path: string): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path} is ${value}, which JSON cannot hold`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = findNonJson(value[i], `${path}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (isPlainObject(value)) {
    for (const [key, v] of Object.entries(value)) {
      // Undefined fields are dropped by the canonical encoding, like JSON does.
      if (v === undefined) continue;
      const problem = findNonJson(v, `${path}.${key}`);
      if (problem) return problem;
    }
    return null;
  }
  return `${path} is ${describe(value)}, which is not plain JSON`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `a ${value.constructor?.name ?? 'object'}`;
  return `a ${typeof value}`;
}

function invalid(why: string): WorkbenchError {
  return new WorkbenchError(
    'audit.invalid_event',
    `The audit event cannot be recorded: ${why}. Pass strings for at/actor/type/subject and only JSON values (strings, finite numbers, booleans, null, arrays, plain objects) in data.`,
  );
}
