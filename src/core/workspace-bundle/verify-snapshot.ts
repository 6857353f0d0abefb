import type { BoundKind } from '../audit/record-binding.ts';
import { recordDigest } from '../audit/record-digest.ts';
import { verifyChain } from '../audit/verify-chain.ts';
import { verifyRecords, type StoredDigest } from '../audit/verify-records.ts';
import { sha256Hex } from '../hash/sha256.ts';
import { recordKeyOf } from '../ports.ts';
import { BUNDLED_RECORD_KINDS, type WorkspaceSnapshot } from './workspace-snapshot.ts';

/**
 * Verifies a snapshot as the Audit view verifies a store
 * (core/audit/verify-store.ts): the hash chain, then every record and blob
 * against the event that last wrote it. Returns what failed, or null.
 *
 * @example
 * const problem = await verifySnapshot(snapshot); // e.g. 'event 4: its hash does not match…'
 */
export async function verifySnapshot(snapshot: WorkspaceSnapshot): Promise<string | null> {
  const chain = verifyChain(snapshot.audit);
  if (!chain.ok) return `event ${chain.brokenAt}: ${chain.reason}`;
  const digests: StoredDigest[] = [
    ...snapshot.datasetVersions.map((v) => digest('datasetVersions', v.id, v)),
    ...snapshot.runs.map((r) => digest('runs', r.id, r)),
    ...BUNDLED_RECORD_KINDS.flatMap((kind) =>
      (snapshot.records[kind] as unknown[]).map((v) => digest(kind as BoundKind, recordKeyOf(kind, v), v)),
    ),
  ];
  for (const [hash, bytes] of snapshot.blobs)
    digests.push({ kind: 'blobs', key: hash, sha256: await sha256Hex(bytes) });
  const records = verifyRecords(snapshot.audit, digests);
  return records.problems[0]?.reason ?? null;
}

function digest(kind: BoundKind, key: string, value: unknown): StoredDigest {
  return { kind, key, sha256: recordDigest(value) };
}
