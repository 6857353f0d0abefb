import type { AuditDraft, AuditEvent } from '../../core/audit/audit-event.ts';
import { sealEvent } from '../../core/audit/chain.ts';
import { bindBlob, bindRecord, needsAdoption, type RecordBinding } from '../../core/audit/record-binding.ts';
import { adoptionDraft } from '../../core/audit/events/adoption-events.ts';
import { WorkbenchError } from '../../core/errors.ts';
import { readAuditTail } from './audit-file.ts';
import { listBlobNames } from './blob-files.ts';
import { headProblem } from './audit-head.ts';
import type { JournalOp } from './journal.ts';
import { readAllRecords } from './record-files.ts';
import { AUDIT_FILE, AUDIT_HEAD_FILE, RECORD_KEYS, recordKey, type FileRecordKind } from './workspace-layout.ts';

/**
 * Plans the append of `draft`, binding `records`, sealed after the log's
 * last event: the journal ops that append its line and move the head.
 * Refuses to extend a log that does not end where the last write left it
 * (audit-head.ts), so a write never makes a cut log look whole. When the
 * last event predates record binding, an `audit.records_adopted` event that
 * binds every stored record and blob goes first. Callers hold the lock.
 *
 * @throws WorkbenchError `audit.chain_broken` naming what is wrong and what to do.
 */
export async function planAuditAppend(
  dir: string,
  draft: AuditDraft,
  records: RecordBinding[],
): Promise<{ ops: JournalOp[]; sealed: AuditEvent }> {
  const tail = await readAuditTail(dir);
  const problem = await headProblem(dir, tail.last, tail.last?.seq ?? 0);
  if (problem) {
    throw new WorkbenchError(
      'audit.chain_broken',
      `The audit log of ${dir} does not end where the last write left it: ${problem}. Nothing was written. Run "workbench audit verify --workspace ${dir}" to see what changed, and restore the workspace from a backup.`,
    );
  }
  let prev = tail.last;
  const lines: string[] = [];
  if (needsAdoption(prev)) {
    const all = await bindAllStored(dir);
    const adoption = sealEvent(prev, adoptionDraft(draft.at, draft.actor, all), all);
    lines.push(JSON.stringify(adoption));
    prev = adoption;
  }
  lines.push(JSON.stringify(sealEvent(prev, draft, records)));
  // Returned as it reads back from the file.
  const sealed = JSON.parse(lines.at(-1)!) as AuditEvent;
  const text = lines.map((line) => `${line}\n`).join('');
  const ops: JournalOp[] = [
    { op: 'append', path: AUDIT_FILE, offset: tail.size, text: `${tail.endsWithNewline ? '' : '\n'}${text}` },
    { op: 'write', path: AUDIT_HEAD_FILE, text: JSON.stringify({ seq: sealed.seq, hash: sealed.hash }) },
  ];
  return { ops, sealed };
}

/** Bindings of every record and blob stored now, for an adoption event. */
async function bindAllStored(dir: string): Promise<RecordBinding[]> {
  const out: RecordBinding[] = [];
  for (const kind of Object.keys(RECORD_KEYS) as FileRecordKind[]) {
    for (const value of await readAllRecords(dir, kind)) out.push(bindRecord(kind, recordKey(kind, value), value));
  }
  for (const hash of await listBlobNames(dir)) out.push(bindBlob(hash));
  return out;
}
