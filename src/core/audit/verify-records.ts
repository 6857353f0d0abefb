import type { AuditEvent } from './audit-event.ts';
import { RECORDS_ADOPTED } from './events/adoption-events.ts';
import type { BoundKind } from './record-binding.ts';

/** A record (or blob) as stored now: its kind, key and digest (a blob's digest is the SHA-256 of its bytes). */
export interface StoredDigest {
  kind: BoundKind;
  key: string;
  sha256: string;
}

/** A record that does not match the chain; `seq` is the event that last wrote it, when one did. */
export interface RecordProblem {
  kind: BoundKind;
  key: string;
  seq: number | null;
  reason: string;
}

/** What {@link verifyRecords} found. */
export interface RecordVerification {
  ok: boolean;
  /** Stored records and blobs that match what the chain says they are. */
  bound: number;
  /**
   * Stored records no event binds, accepted because the chain ends with
   * events written before record binding ("unbound (written before record
   * binding)"); the next write binds them.
   */
  unbound: number;
  /** First the records that differ or are missing (in the order their events wrote them), then those no event wrote. */
  problems: RecordProblem[];
}

/**
 * Replays the record bindings of an audit chain (append order) and compares
 * the result with the records and blobs stored now: a record that differs
 * from the digest its last event gave, a bound record that is missing, and a
 * record no event wrote are each named. A blob whose bytes do not hash to
 * its name is named too. An `audit.records_adopted` event binds the whole
 * workspace as found, so it replaces what was replayed before it.
 *
 * Chains written before record binding: records no event binds are counted
 * as `unbound` instead of failing, as long as the chain's last event without
 * bindings comes after its last adoption (the stores adopt on their next
 * write, so this holds only until the workspace is written again).
 *
 * @example
 * const result = verifyRecords(await store.listAudit(), digests);
 * if (!result.ok) console.log(result.problems[0].reason);
 */
export function verifyRecords(events: readonly AuditEvent[], stored: readonly StoredDigest[]): RecordVerification {
  const expected = new Map<string, { kind: BoundKind; key: string; sha256: string; seq: number }>();
  let lastLegacy = -1;
  let lastAdoption = -1;
  events.forEach((event, i) => {
    if (!Array.isArray(event.records)) {
      lastLegacy = i;
      return;
    }
    if (event.type === RECORDS_ADOPTED) {
      lastAdoption = i;
      expected.clear();
    }
    for (const { kind, key, sha256 } of event.records) {
      const id = idOf(kind, key);
      // Re-inserted so the map's order is the order of each record's last write.
      expected.delete(id);
      expected.set(id, { kind, key, sha256, seq: event.seq });
    }
  });
  const tolerateUnbound = lastLegacy > lastAdoption;

  const problems: RecordProblem[] = [];
  const now = new Map<string, StoredDigest>();
  const duplicates: StoredDigest[] = [];
  for (const record of stored) {
    const id = idOf(record.kind, record.key);
    if (now.has(id)) duplicates.push(record);
    else now.set(id, record);
  }
  let bound = 0;
  for (const [id, want] of expected) {
    const have = now.get(id);
    const name = describeRecord(want.kind, want.key);
    if (!have) {
      problems.push({
        ...pick(want),
        reason: `${name} is missing: event ${want.seq} wrote it, and it was deleted since`,
      });
    } else if (have.sha256 !== want.sha256) {
      const what = want.kind === 'blobs' ? 'its bytes were changed' : 'it was edited outside the workbench';
      problems.push({ ...pick(want), reason: `${name} differs from what event ${want.seq} wrote: ${what}` });
    } else bound++;
  }
  let unbound = 0;
  for (const [id, have] of now) {
    if (expected.has(id)) continue;
    const name = describeRecord(have.kind, have.key);
    if (have.kind === 'blobs' && have.sha256 !== have.key) {
      problems.push({
        ...pick(have),
        seq: null,
        reason: `${name}: its bytes hash to ${have.sha256.slice(0, 12)}…, not to its name; the file was changed after it was stored`,
      });
    } else if (tolerateUnbound) unbound++;
    else
      problems.push({
        ...pick(have),
        seq: null,
        reason: `${name} exists without an event that wrote it: it was added outside the workbench, or the events that wrote it were removed from the log`,
      });
  }
  for (const have of duplicates) {
    problems.push({ ...pick(have), seq: null, reason: `${describeRecord(have.kind, have.key)} is stored twice` });
  }
  return { ok: problems.length === 0, bound, unbound, problems };
}

/** How a record is named in messages: `model version "churn@1"`. */
export function describeRecord(kind: BoundKind, key: string): string {
  return `${NAMES[kind]} ${JSON.stringify(key)}`;
}

const NAMES: Record<BoundKind, string> = {
  datasetVersions: 'dataset version',
  runs: 'run',
  models: 'model',
  modelVersions: 'model version',
  stageTransitions: 'stage transition',
  deployments: 'deployment',
  predictionLogs: 'prediction-log batch',
  monitorPolicies: 'monitoring policy',
  alerts: 'alert',
  retrainings: 'retraining',
  featureEntities: 'entity',
  featureViews: 'feature view',
  featureServices: 'feature service',
  onlineFeatures: 'online feature table',
  blobs: 'blob',
};

function idOf(kind: string, key: string): string {
  return `${kind}\u0000${key}`;
}

function pick(r: { kind: BoundKind; key: string; seq?: number }): { kind: BoundKind; key: string; seq: number | null } {
  return { kind: r.kind, key: r.key, seq: r.seq ?? null };
}
