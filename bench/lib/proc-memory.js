/**
 * Memory of the Chromium this process launched, read from /proc: every
 * process descending from our child `chromium` (browser, zygotes,
 * renderers, GPU and utility processes). RSS counts shared pages in every
 * process that maps them, so its sum overstates; PSS splits shared pages
 * between their users, so its sum is the honest total.
 */
import { readdirSync, readFileSync } from 'node:fs';

function parentOf(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** Pids of the Chromium processes started by this Node process (and their descendants). */
export function chromiumPids() {
  const parents = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      parents.set(Number(name), parentOf(name));
    } catch {
      // the process ended while we looked
    }
  }
  const ours = new Set();
  for (const [pid, ppid] of parents) {
    if (ppid !== process.pid) continue;
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chrom')) ours.add(pid);
    } catch {
      // ended
    }
  }
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (ours.has(ppid) && !ours.has(pid)) {
        ours.add(pid);
        grew = true;
      }
    }
  }
  return [...ours];
}

/** Summed RSS and PSS (bytes) of `pids`; processes that ended are skipped. */
export function memoryOf(pids) {
  let rss = 0;
  let pss = 0;
  for (const pid of pids) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      rss += 1024 * Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      pss += 1024 * Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // ended
    }
  }
  return { rss, pss };
}
