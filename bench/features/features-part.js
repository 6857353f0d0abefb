/**
 * The "features" part of `npm run bench` (issue 11, Performance): the
 * point-in-time join of 1,000,000 feature rows against 100,000 entity rows
 * in a worker thread (target under 2 s) and on the main thread, the same
 * join written with Arquero verbs (why the join is hand-written), and online
 * lookups of 1,000 keys from a table of 100,000 entities (target under
 * 20 ms), and what the per-entity timeline adds — in Node (node-features.ts). Times are given per wall second and
 * per second of CPU the process got, since the machine may be shared.
 */
import { fixed, printTable } from '../lib/table.js';

const JOIN_TARGET_MS = 2000;
const LOOKUP_TARGET_MS = 20;
const s = (ms) => `${fixed(ms / 1000, 2)} s`;
const n = (x) => x.toLocaleString('en');

/** @param {{ results: any, quick: boolean, nodeScript: (script: string, args: string[]) => any }} context */
export async function featuresPart({ results, quick, nodeScript }) {
  console.error(`\nFeature store in Node${quick ? ' (quick: a tenth of the rows)' : ''}…`);
  const r = nodeScript('features/node-features.ts', quick ? ['--quick'] : []);
  results.features = r;
  const same = (a, b) => (a.matched === b.matched && Math.abs(a.spendSum - b.spendSum) < 1e-6 ? 'yes' : 'NO');
  printTable(
    `Point-in-time join in Node ${r.node} (TTL 30 d, created-time ties, 2 feature columns gathered)`,
    ['contender', 'feature rows', 'entity rows', 'wall', 'CPU', 'matched rows', 'same result'],
    [
      [
        'hand-written, worker thread',
        n(r.featureRows),
        n(r.entityRows),
        s(r.worker.wallMs),
        s(r.worker.cpuMs),
        n(r.worker.matched),
        same(r.worker, r.main),
      ],
      [
        'hand-written, main thread',
        n(r.featureRows),
        n(r.entityRows),
        s(r.main.ms),
        s(r.main.cpuMs),
        n(r.main.matched),
        '—',
      ],
      [
        'Arquero verbs',
        n(r.featureRows),
        n(r.entityRows),
        s(r.arqueroFull.ms),
        s(r.arqueroFull.cpuMs),
        n(r.arqueroFull.matched),
        same(r.arqueroFull, r.main),
      ],
      [
        'hand-written, main thread',
        n(r.small.featureRows),
        n(r.small.entityRows),
        s(r.small.hand.ms),
        s(r.small.hand.cpuMs),
        n(r.small.hand.matched),
        '—',
      ],
      [
        'Arquero verbs',
        n(r.small.featureRows),
        n(r.small.entityRows),
        s(r.small.arquero.ms),
        s(r.small.arquero.cpuMs),
        n(r.small.arquero.matched),
        same(r.small.arquero, r.small.hand),
      ],
    ],
  );
  printTable(
    `Online lookup: ${n(r.online.keys)} keys from a table of ${n(r.online.entities)} entities`,
    ['lookup (index built)', 'first lookup (builds the index)', 'keys found'],
    [[`${fixed(r.online.lookupMs, 2)} ms`, `${fixed(r.online.firstLookupMs, 1)} ms`, n(r.online.found)]],
  );
  printTable(
    `Per-entity timeline of the same join (no target; it runs in the preview after the join)`,
    [
      'key codes (both tables)',
      `counts per entity (${n(r.timeline.total)}, ${n(r.timeline.listed)} listed)`,
      'one entity',
    ],
    [
      [
        `${fixed(r.timeline.keyCodesMs, 1)} ms`,
        `${fixed(r.timeline.entitiesMs, 1)} ms`,
        `${fixed(r.timeline.entityMs, 1)} ms`,
      ],
    ],
  );
  const join = r.worker.wallMs < JOIN_TARGET_MS ? 'PASS' : 'FAIL';
  const joinCpu = r.worker.cpuMs < JOIN_TARGET_MS ? 'PASS' : 'FAIL';
  console.log(`  join in a worker under ${JOIN_TARGET_MS / 1000} s: ${join} (wall), ${joinCpu} (CPU)`);
  console.log(
    `  online lookup of ${n(r.online.keys)} keys under ${LOOKUP_TARGET_MS} ms: ${r.online.lookupMs < LOOKUP_TARGET_MS ? 'PASS' : 'FAIL'}`,
  );
}
