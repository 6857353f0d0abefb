import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditEvent } from '../../core/audit/audit-event.ts';
import { eventHash } from '../../core/audit/chain.ts';
import { readIfExists } from './atomic-file.ts';
import { AUDIT_FILE, AUDIT_HEAD_FILE, BLOBS_DIR, RECORD_KEYS, RECORDS_DIR } from './workspace-layout.ts';

/**
 * The log's head, kept in more than one place: `audit-head.json` (seq and
 * hash of the last event, written with every event) must name the log's
 * last event, a non-empty log must have it, and an empty log must leave no
 * records or blobs behind (each was written by an event). The record
 * bindings (core/audit/verify-records.ts) keep the rest: a record whose
 * event was cut from the log is named by verification.
 */

/** The head as audit-head.json records it; null when the file is missing, 'damaged' when it is not a head. */
export async function readHead(dir: string): Promise<{ seq: number; hash: string } | null | 'damaged'> {
  const raw = await readIfExists(join(dir, AUDIT_HEAD_FILE));
  if (!raw) return null;
  try {
    const head = JSON.parse(raw.toString('utf8')) as { seq: number; hash: string };
    return Number.isInteger(head.seq) && typeof head.hash === 'string' ? head : 'damaged';
  } catch {
    return 'damaged';
  }
}

/**
 * Why the log that ends with `last` (null: empty or missing) does not end
 * where the workspace's writes left it, or null when it does.
 *
 * @param count How many events the log holds.
 */
export async function headProblem(dir: string, last: AuditEvent | null, count: number): Promise<string | null> {
  const head = await readHead(dir);
  if (head === 'damaged')
    return `${AUDIT_HEAD_FILE} is damaged: it no longer names the log's last event, so the end of the log cannot be checked`;
  if (last === null) {
    if (head !== null && head.seq > 0)
      return `${AUDIT_FILE} is empty or missing but the workspace recorded ${head.seq} events: the log was deleted or cut`;
    const held = await firstStoredFile(dir);
    return held
      ? `${AUDIT_FILE} is empty or missing but the workspace holds ${held}, which an event wrote: the log was deleted or cut`
      : null;
  }
  if (head === null)
    return `${AUDIT_HEAD_FILE} is missing: it is written with every event, so it was deleted, and the end of the log cannot be checked`;
  if (head.seq !== last.seq || head.hash !== last.hash) {
    return head.seq > count
      ? `the log ends at event ${count} but the workspace recorded ${head.seq} events: the events after ${count} were deleted`
      : `the last event is not the one the workspace recorded as its head (event ${head.seq}, ${head.hash.slice(0, 12)}…): the end of the log was replaced`;
  }
  let hash: string | null;
  try {
    hash = eventHash(last);
  } catch {
    hash = null;
  }
  return hash === last.hash ? null : `event ${last.seq}, the last, was edited: its content no longer matches its hash`;
}

/** A record or blob file in the workspace, relative to it, or null when there is none. */
async function firstStoredFile(dir: string): Promise<string | null> {
  for (const folder of [...Object.keys(RECORD_KEYS).map((kind) => `${RECORDS_DIR}/${kind}`), BLOBS_DIR]) {
    let names: string[];
    try {
      names = await readdir(join(dir, folder));
    } catch {
      continue;
    }
    const file = names.find((name) => !name.endsWith('.tmp'));
    if (file) return `${folder}/${file}`;
  }
  return null;
}
