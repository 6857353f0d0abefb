import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditEvent } from '../../core/audit/audit-event.ts';
import { verifyChain } from '../../core/audit/verify-chain.ts';
import { decodeTable } from '../../core/data/versions/canonical-encoding.ts';
import { encodeWithId } from '../../core/data/versions/dataset-id.ts';
import { sha256Hex } from '../../core/hash/sha256.ts';
import { readIfExists } from './atomic-file.ts';
import { readAuditLines } from './audit-file.ts';
import type { FileWorkspaceStore } from './file-workspace-store.ts';
import { AUDIT_FILE, AUDIT_HEAD_FILE, BLOBS_DIR, blobPath } from './workspace-layout.ts';

/** One thing found wrong in a workspace. */
export type WorkspaceProblem =
  | { kind: 'event'; seq: number; reason: string }
  | { kind: 'blob'; hash: string; usedBy: string[]; reason: string }
  | { kind: 'dataset'; versionId: string; reason: string }
  | { kind: 'record'; reason: string };

/** What {@link verifyWorkspace} checked and found; `ok` when `problems` is empty. */
export interface WorkspaceVerification {
  ok: boolean;
  events: number;
  /** Hash of the last event (null for an empty log). */
  head: string | null;
  blobs: number;
  datasetVersions: number;
  problems: WorkspaceProblem[];
}

/**
 * Checks a workspace end to end: the audit chain (every event's hash and
 * link, and that the log still ends where the last write left it), every
 * blob's bytes against the SHA-256 that names it, every blob a record points
 * to, and that each dataset version's bytes decode to a table whose id is
 * the version id. Reports the first broken event and every bad blob.
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

  const names = await blobNames(store.dir);
  const bad = new Set<string>();
  for (const name of names) {
    const bytes = await readIfExists(join(store.dir, BLOBS_DIR, name));
    if (bytes === undefined) continue;
    const actual = await sha256Hex(new Uint8Array(bytes));
    if (actual !== name) {
      bad.add(name);
      problems.push({
        kind: 'blob',
        hash: name,
        usedBy: users.get(name) ?? [],
        reason: `its bytes hash to ${actual.slice(0, 12)}…, not to its name: the file was changed after it was stored`,
      });
    }
  }
  const present = new Set(names);
  for (const [hash, usedBy] of users) {
    if (!present.has(hash))
      problems.push({ kind: 'blob', hash, usedBy, reason: 'it is missing from the blobs folder' });
  }
  for (const version of versions) {
    if (!present.has(version.id) || bad.has(version.id)) continue;
    const reason = await datasetProblem(store, version.id);
    if (reason) problems.push({ kind: 'dataset', versionId: version.id, reason });
  }
  return {
    ok: problems.length === 0,
    events: chain.events,
    head: chain.head,
    blobs: names.length,
    datasetVersions: versions.length,
    problems,
  };
}

/** The chain in `audit.jsonl`, read line by line so a damaged line is named rather than thrown. */
async function verifyAuditFile(
  dir: string,
): Promise<{ events: number; head: string | null; problem: WorkspaceProblem | null }> {
  const lines = await readAuditLines(dir);
  const firstBad = lines.findIndex((line) => 'error' in line);
  const readable = (firstBad < 0 ? lines : lines.slice(0, firstBad)).map(
    (line) => (line as { event: AuditEvent }).event,
  );
  const result = verifyChain(readable);
  if (!result.ok)
    return {
      events: lines.length,
      head: null,
      problem: { kind: 'event', seq: result.brokenAt, reason: result.reason },
    };
  if (firstBad >= 0) {
    const why = (lines[firstBad] as { error: string }).error;
    return {
      events: lines.length,
      head: null,
      problem: {
        kind: 'event',
        seq: firstBad + 1,
        reason: `line ${firstBad + 1} of ${AUDIT_FILE} is not an event (${why}): it was edited or damaged`,
      },
    };
  }
  const last = readable.at(-1) ?? null;
  const recorded = await readHead(dir);
  if (recorded && (recorded.seq !== (last?.seq ?? 0) || recorded.hash !== (last?.hash ?? null))) {
    const count = readable.length;
    const reason =
      recorded.seq > count
        ? `the log ends at event ${count} but the workspace recorded ${recorded.seq} events: the events after ${count} were deleted`
        : `the last event is not the one the workspace recorded as its head (event ${recorded.seq}, ${recorded.hash.slice(0, 12)}…): the end of the log was replaced`;
    return { events: count, head: null, problem: { kind: 'event', seq: Math.min(count + 1, recorded.seq), reason } };
  }
  return { events: result.count, head: last?.hash ?? null, problem: null };
}

async function readHead(dir: string): Promise<{ seq: number; hash: string } | null> {
  const raw = await readIfExists(join(dir, AUDIT_HEAD_FILE));
  if (!raw) return null;
  try {
    const head = JSON.parse(raw.toString('utf8')) as { seq: number; hash: string };
    return Number.isInteger(head.seq) && typeof head.hash === 'string' ? head : null;
  } catch {
    return null;
  }
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

async function blobNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(join(dir, BLOBS_DIR))).filter((name) => blobPath(name) !== null).sort();
  } catch {
    return [];
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
