/**
 * Part 3 in Node: what saving and reopening a dataset version costs for a
 * large table, step by step, with the same core code the data worker runs.
 * Save = profile + canonical encoding and SHA-256 (encodeWithId) + store;
 * reopen = decodeTable + profile + encodeWithId (the worker re-derives the
 * content id of what it opened). The store is the in-memory one, so this is
 * the CPU cost without IndexedDB.
 *
 * Run: `node --expose-gc --import tsx bench/node-version.ts <file.csv> [--runs 3]`
 * Progress on stderr; the result (JSON) is the last line on stdout.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { MemoryWorkspaceStore } from '../src/adapters/memory-store/memory-workspace-store.ts';
import { decodeTable } from '../src/core/data/versions/canonical-encoding.ts';
import { encodeWithId } from '../src/core/data/versions/dataset-id.ts';
import { draftFromCsv, draftFromVersion, profileDraft } from '../src/core/data/draft.ts';
import { parseCsv } from '../src/core/data/ingest/parse-csv.ts';
import { saveDraftAsVersion } from '../src/core/data/versions/save-version.ts';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** Times `work`; returns its value and milliseconds. */
async function timed<T>(work: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  gc();
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

const file = readFileSync(args[0]);
const parsed = await timed(() => parseCsv(new Uint8Array(file.buffer, file.byteOffset, file.byteLength)));
const draft = draftFromCsv(parsed.value, 'bench.csv', file.byteLength);
const { rowCount } = draft.table;
process.stderr.write(`  node parseCsv ${rowCount} rows: ${(parsed.ms / 1000).toFixed(2)} s\n`);

const steps: Record<string, number[]> = {
  profileTable: [],
  encodeWithId: [],
  storeSave: [],
  decodeTable: [],
  reopenProfile: [],
  reopenEncodeWithId: [],
};
let canonicalBytes = 0;
let heapPeak = 0;
const noteHeap = () =>
  (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers));

for (let run = 1; run <= runs; run++) {
  const store = new MemoryWorkspaceStore();
  const profile = await timed(() => profileDraft(draft));
  const encoded = await timed(() => encodeWithId(draft.table));
  canonicalBytes = encoded.value.bytes.byteLength;
  const saved = await timed(() =>
    saveDraftAsVersion(store, draft, {
      name: 'bench',
      note: '',
      actor: 'bench',
      now: 0,
      encoded: encoded.value,
      profile: profile.value,
    }),
  );
  noteHeap();
  const blob = (await store.getBlob(encoded.value.id))!;
  const decoded = await timed(() => decodeTable(blob));
  const reopened = draftFromVersion(saved.value.version, decoded.value);
  const reprofile = await timed(() => profileDraft(reopened));
  const reencoded = await timed(() => encodeWithId(decoded.value));
  noteHeap();
  if (reencoded.value.id !== encoded.value.id)
    throw new Error('reopened table hashes differently: the round trip is broken');
  steps.profileTable.push(profile.ms);
  steps.encodeWithId.push(encoded.ms);
  steps.storeSave.push(saved.ms);
  steps.decodeTable.push(decoded.ms);
  steps.reopenProfile.push(reprofile.ms);
  steps.reopenEncodeWithId.push(reencoded.ms);
  process.stderr.write(
    `  node run ${run}: ` +
      Object.entries(steps)
        .map(([k, v]) => `${k} ${(v[v.length - 1] / 1000).toFixed(2)} s`)
        .join(', ') +
      '\n',
  );
}

console.log(
  JSON.stringify({
    rows: rowCount,
    columns: draft.table.columns.length,
    csvBytes: file.byteLength,
    canonicalBytes,
    parseMs: parsed.ms,
    steps,
    heapPeakBytes: heapPeak,
    rssBytes: process.memoryUsage().rss,
  }),
);
