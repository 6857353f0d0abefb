import type { AuditEvent } from '../../core/audit/audit-event.ts';
import type { BoundKind } from '../../core/audit/record-binding.ts';
import { verifyChain } from '../../core/audit/verify-chain.ts';
import { verifyRecords } from '../../core/audit/verify-records.ts';
import { storedDigests } from '../../core/audit/verify-store.ts';
import { decodeTable } from '../../core/data/versions/canonical-encoding.ts';
import { encodeWithId } from '../../core/data/versions/dataset-id.ts';
import { readAuditLines } from './audit-file.ts';
import { headProblem } from './audit-head.ts';
import type { FileWorkspaceStore } from './file-workspace-store.ts';
import { AUDIT_FILE, blobPath, recordPath } from './workspace-layout.ts';

/** One thing found wrong in a workspace. */
export type WorkspaceProblem =
  | { kind: 'event'; seq: number; reason: string }
  | { kind: 'blob'; hash: string; usedBy: string[]; reason: string }
  | { kind: 'dataset'; versionId: string; reason: string }
  /** A record or blob that does not match what the chain's events wrote; `file` is where it lives. */
  | {
      kind: 'binding';
      record: { kind: BoundKind; key: string };
      file: string;
      seq: number | null;
      /** For a blob, the records that point to it. */
      usedBy: string[];
      reason: string;
    }
  | { kind: 'record'; reason: string };

/** What {@link verifyWorkspace} checked and found; `ok` when `problems` is empty. */
export interface WorkspaceVerification {
  ok: boolean;
  events: number;
  /** Hash of the last event (null for an empty log). */
  head: string | null;
  blobs: number;
  datasetVersions: number;
  /** Records and blobs that match what the chain's events wrote. */
  boundRecords: number;
  /** Records no event binds, accepted because the log ends with events written before record binding. */
  unboundRecords: number;
  problems: WorkspaceProblem[];
}

/**
 * Checks a workspace end to end: the audit chain (every event's hash and
 * link, and that the log still ends where the last write left it,
 * audit-head.ts), every record and blob against what the events wrote
 * (core/audit/verify-records.ts; a blob's bytes against the SHA-256 that
 * names it), every blob a record points to, and that each dataset version's
 * bytes decode to a table whose id is the version id. Reports the first
 * broken event and every record that does not match.
 *
 * @example
 * const result = await verifyWorkspace(await FileWorkspaceStore.open(dir, { create: false }));
 * if (!result.ok) console.log(result.problems);
 */
export async function verifyWorkspace(store: FileWorkspaceStore): Promise<WorkspaceVerification> {
  await store.ready();
  const problems: WorkspaceProblem[] = [];
  const chain = await verifyAuditFile(store.dir);
  if (chain.problem) problems.push(chain.problem);

  const users = new Map<string, string[]>();
  const use = (hash: string, who: string) => users.set(hash, [...(users.get(hash) ?? []), who]);
  const versions = await attempt(() => store.listDatasetVersions(), problems, []);
  for (const v of versions) use(v.id, `dataset version "${v.name}" (${v.id.slice(0, 12)})`);
  for (const run of await attempt(() => store.listRuns(), problems, []))
    if (run.outcome) use(run.outcome.modelBlob, `run "${run.name}" (${run.id})`);
  for (const mv of await attempt(() => store.listRecords('modelVersions'), problems, []))
    use(mv.artifactBlob, `model version ${mv.id}`);

  const digests = await attempt(() => storedDigests(store), problems, null);
  // Records that cannot be read are reported above; comparing without them would call them all missing.
  const records = digests ? verifyRecords(chain.events, digests) : { bound: 0, unbound: 0, problems: [] };
  for (const p of records.problems) {
    const file = p.kind === 'blobs' ? (blobPath(p.key) ?? p.key) : recordPath(p.kind, p.key);
    const usedBy = p.kind === 'blobs' ? (users.get(p.key) ?? []) : [];
    problems.push({
      kind: 'binding',
      record: { kind: p.kind, key: p.key },
      file,
      seq: p.seq,
      usedBy,
      reason: p.reason,
    });
  }
  const blobs = (digests ?? []).filter((d) => d.kind === 'blobs');
  const present = new Set(blobs.map((d) => d.key));
  const bad = new Set(blobs.filter((d) => d.sha256 !== d.key).map((d) => d.key));
  const named = new Set(records.problems.filter((p) => p.kind === 'blobs').map((p) => p.key));
  for (const [hash, usedBy] of users) {
    if (!present.has(hash) && !named.has(hash))
      problems.push({ kind: 'blob', hash, usedBy, reason: 'it is missing from the blobs folder' });
  }
  for (const version of versions) {
    if (!present.has(version.id) || bad.has(version.id)) continue;
    const reason = await datasetProblem(store, version.id);
    if (reason) problems.push({ kind: 'dataset', versionId: version.id, reason });
  }
  return {
    ok: problems.length === 0,
    events: chain.count,
    head: chain.head,
    blobs: present.size,
    datasetVersions: versions.length,
    boundRecords: records.bound,
    unboundRecords: records.unbound,
    problems,
  };
}

/** The chain in `audit.jsonl`, read line by line so a damaged line is named rather than thrown. */
async function verifyAuditFile(dir: string): Promise<{
  count: number;
  head: string | null;
  events: AuditEvent[];
  problem: WorkspaceProblem | null;
}> {
  const lines = await readAuditLines(dir);
  const firstBad = lines.findIndex((line) => 'error' in line);
  const events = (firstBad < 0 ? lines : lines.slice(0, firstBad)).map((line) => (line as { event: AuditEvent }).event);
  const broken = (seq: number, reason: string) => ({
    count: lines.length,
    head: null,
    events,
    problem: { kind: 'event' as const, seq, reason },
  });
  const result = verifyChain(events);
  if (!result.ok) return broken(result.brokenAt, result.reason);
  if (firstBad >= 0) {
    const why = (lines[firstBad] as { error: string }).error;
    return broken(
      firstBad + 1,
      `line ${firstBad + 1} of ${AUDIT_FILE} is not an event (${why}): it was edited or damaged`,
    );
  }
  const last = events.at(-1) ?? null;
  const problem = await headProblem(dir, last, events.length);
  if (problem) return { ...broken(events.length + 1, problem), count: events.length };
  return { count: result.count, head: last?.hash ?? null, events, problem: null };
}

/** Why a stored dataset version's bytes are not that version, or null when they are. */
async function datasetProblem(store: FileWorkspaceStore, id: string): Promise<string | null> {
  const bytes = await store.getBlob(id);
  if (!bytes) return 'its bytes are missing';
  try {
    const { id: actual } = await encodeWithId(decodeTable(bytes));
    return actual === id ? null : `its bytes decode to a table whose id is ${actual.slice(0, 12)}…, not the version id`;
  } catch (error) {
    return `its bytes no longer decode to a table (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** The result of a read, or `fallback` with the failure recorded as a problem. */
async function attempt<T>(read: () => Promise<T>, problems: WorkspaceProblem[], fallback: T): Promise<T> {
  try {
    return await read();
  } catch (error) {
    problems.push({ kind: 'record', reason: error instanceof Error ? error.message : String(error) });
    return fallback;
  }
}
