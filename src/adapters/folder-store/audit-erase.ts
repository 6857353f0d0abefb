import { GENESIS_HASH, type AuditEvent } from '../../core/audit/audit-event.ts';
import { sealEvent } from '../../core/audit/chain.ts';
import { erasureGenesis, type ErasureRequest } from '../../core/audit/events/workspace-events.ts';
import { readAuditLines, readAuditTail } from './audit-file.ts';
import type { Plan } from './folder-change.ts';
import { AUDIT_FILE, AUDIT_HEAD_FILE, BLOBS_DIR, RECORDS_DIR, SETTINGS_FILE } from './workspace-layout.ts';

/**
 * Plans erasing the workspace in `dir`: every record, blob and setting
 * removed, and the audit log replaced by a new chain whose genesis event
 * says how many events were erased and what the old head was. Callers hold
 * the lock.
 */
export async function planErase(dir: string, event: ErasureRequest): Promise<Plan<AuditEvent>> {
  const [lines, tail] = await Promise.all([readAuditLines(dir), readAuditTail(dir)]);
  const data = { erasedEvents: lines.length, previousHead: tail.last?.hash ?? GENESIS_HASH };
  const genesis = sealEvent(null, erasureGenesis(event, data), []);
  const line = JSON.stringify(genesis);
  return {
    ops: [
      { op: 'remove', path: RECORDS_DIR },
      { op: 'remove', path: BLOBS_DIR },
      { op: 'remove', path: SETTINGS_FILE },
      { op: 'write', path: AUDIT_FILE, text: `${line}\n` },
      { op: 'write', path: AUDIT_HEAD_FILE, text: JSON.stringify({ seq: genesis.seq, hash: genesis.hash }) },
    ],
    // Returned as it reads back from the file.
    result: JSON.parse(line) as AuditEvent,
  };
}
