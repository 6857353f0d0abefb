import { sha256Hex } from '../hash/sha256.ts';
import type { AuditEvent } from './audit-event.ts';
import { recordKeyOf, type WorkspaceStore } from '../ports.ts';
import type { BoundKind } from './record-binding.ts';
import { recordDigest } from './record-digest.ts';
import { verifyChain } from './verify-chain.ts';
import { verifyRecords, type RecordVerification, type StoredDigest } from './verify-records.ts';

const FEATURE_KINDS = ['featureEntities', 'featureViews', 'featureServices', 'onlineFeatures'] as const;
const MONITOR_KINDS = ['monitorPolicies', 'alerts', 'retrainings'] as const;

/** What {@link verifyStore} found: chain and records intact, the first broken event, or the first record that does not match. */
export type StoreVerification =
  | { ok: true; count: number; head: string; bound: number; unbound: number }
  | { ok: false; brokenAt: number; reason: string }
  | { ok: false; brokenAt: null; record: { kind: BoundKind; key: string }; reason: string };

/**
 * Verifies a workspace through its store: the audit chain (verify-chain.ts),
 * then every record and blob against what the chain's events wrote
 * (verify-records.ts). What the browser's Verify button and the stores' own
 * checks run.
 *
 * @param events The store's audit log, when the caller has read it already (it is read otherwise).
 * @example
 * const result = await verifyStore(store);
 * if (!result.ok) console.warn(result.reason);
 */
export async function verifyStore(store: WorkspaceStore, events?: AuditEvent[]): Promise<StoreVerification> {
  events ??= await store.listAudit();
  const chain = verifyChain(events);
  if (!chain.ok) return chain;
  const records = verifyRecords(events, await storedDigests(store));
  return summarise(chain.count, chain.head, records);
}

/** The chain's and the records' verdicts as one: the first record problem, or the counts. */
export function summarise(count: number, head: string, records: RecordVerification): StoreVerification {
  const first = records.problems[0];
  if (first) return { ok: false, brokenAt: null, record: { kind: first.kind, key: first.key }, reason: first.reason };
  return { ok: true, count, head, bound: records.bound, unbound: records.unbound };
}

/**
 * The digest of every record and blob a store holds now. Blobs are read and
 * hashed one at a time, so a large workspace is never in memory at once.
 */
export async function storedDigests(store: WorkspaceStore): Promise<StoredDigest[]> {
  const [versions, runs, models, modelVersions, transitions, deployments, logs, blobs] = await Promise.all([
    store.listDatasetVersions(),
    store.listRuns(),
    store.listRecords('models'),
    store.listRecords('modelVersions'),
    store.listRecords('stageTransitions'),
    store.listRecords('deployments'),
    store.listRecords('predictionLogs'),
    store.listBlobs(),
  ]);
  const featureRecords = await Promise.all(
    [...FEATURE_KINDS, ...MONITOR_KINDS].map(async (kind) => ({ kind, values: await store.listRecords(kind) })),
  );
  const out: StoredDigest[] = [
    ...versions.map((v) => digest('datasetVersions', v.id, v)),
    ...runs.map((r) => digest('runs', r.id, r)),
    ...models.map((m) => digest('models', m.name, m)),
    ...modelVersions.map((v) => digest('modelVersions', v.id, v)),
    ...transitions.map((t) => digest('stageTransitions', t.id, t)),
    ...deployments.map((d) => digest('deployments', d.id, d)),
    ...logs.map((b) => digest('predictionLogs', b.id, b)),
    ...featureRecords.flatMap(({ kind, values }) => values.map((v) => digest(kind, recordKeyOf(kind, v), v))),
  ];
  for (const hash of blobs) {
    const bytes = await store.getBlob(hash);
    if (bytes) out.push({ kind: 'blobs', key: hash, sha256: await sha256Hex(bytes) });
  }
  return out;
}

function digest(kind: BoundKind, key: string, value: unknown): StoredDigest {
  return { kind, key, sha256: recordDigest(value) };
}
