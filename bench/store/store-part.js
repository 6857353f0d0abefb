/**
 * The "store" part of `npm run bench`: refreshing the lesson checks and the
 * maturity assessment on a folder workspace holding many prediction-log
 * batches (200 × 5,000 requests; 20 × 5,000 with --quick), and the store
 * operations those refreshes are made of (node-store-count.ts). Times are
 * given in wall and CPU milliseconds, with `uptime` before and after, since
 * the machine may be shared.
 */
import { fixed, mb, printTable } from '../lib/table.js';

const ms = (t) => `${fixed(t, 1)} ms`;

/** @param {{ results: any, quick: boolean, nodeScript: (script: string, args: string[]) => any }} context */
export async function storePart({ results, quick, nodeScript }) {
  const batches = quick ? 20 : 200;
  console.error(`\nLesson and maturity refresh on a folder workspace of ${batches} prediction-log batches…`);
  const r = nodeScript('store/node-store-count.ts', ['--batches', String(batches), '--runs', quick ? '1' : '3']);
  results.store = r;
  const what = `${r.batches} batches × ${r.entries.toLocaleString('en')} requests, ${mb(r.workspaceBytes)} on disk`;
  printTable(
    `Refresh in Node ${r.node}, folder store: ${what}, median of ${r.runs}`,
    ['refresh', 'wall', 'CPU'],
    [
      ['lesson checks (readLessonSnapshot)', ms(r.after.lessons.wallMs), ms(r.after.lessons.cpuMs)],
      ['maturity (readInventory, verifies every record)', ms(r.after.maturity.wallMs), ms(r.after.maturity.cpuMs)],
    ],
  );
  printTable(
    `Store operations on the same workspace, median of ${r.runs}`,
    ['operation', 'wall', 'CPU'],
    Object.entries(r.operations).map(([name, t]) => [name, ms(t.wallMs), ms(t.cpuMs)]),
  );
  for (const line of r.uptime) console.log(`  uptime: ${line}`);
}
