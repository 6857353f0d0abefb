import { timeAt, type TimelineInput } from './timeline-input.ts';
import type { TimelineEntity } from './timeline-types.ts';

/** The entities a timeline can show, and the one to show first. */
export interface TimelineEntities {
  /** By key; at most `limit`, those with the most leaked rows kept. */
  entities: TimelineEntity[];
  /** How many entities the training rows name. */
  total: number;
  /** The entity with the most rows a naive join leaks into (then the most unmatched, then by key); null when none. */
  first: string | null;
}

/**
 * Counts, per entity (the first view's key), its training rows, the rows a
 * naive latest-value join fills from their future in any view, and the rows
 * some view gives nothing; rows with a missing key are left out.
 *
 * @example
 * timelineEntities(input).first // the entity whose timeline shows the leak best
 */
export function timelineEntities(input: TimelineInput, limit = 500): TimelineEntities {
  const { entity: codes, texts } = input.views[0].keys;
  const rows = new Int32Array(texts.length);
  const leakedRows = new Int32Array(texts.length);
  const unmatchedRows = new Int32Array(texts.length);
  for (let r = 0; r < codes.length; r++) {
    const code = codes[r];
    if (code < 0) continue;
    rows[code]++;
    const time = timeAt(input.timestamps, r);
    let leaked = false;
    let unmatched = false;
    for (const view of input.views) {
      const naive = view.naive[r];
      if (time !== null && naive >= 0 && view.eventTimes[naive] > time) leaked = true;
      if (view.matches[r] < 0) unmatched = true;
    }
    if (leaked) leakedRows[code]++;
    if (unmatched) unmatchedRows[code]++;
  }
  const counts: TimelineEntity[] = [];
  // Codes also cover keys only the source has: an entity is listed when it has training rows.
  for (let c = 0; c < texts.length; c++) {
    if (rows[c] > 0) counts.push({ key: texts[c], rows: rows[c], leaked: leakedRows[c], unmatched: unmatchedRows[c] });
  }
  const ranked = counts.sort((a, b) => b.leaked - a.leaked || b.unmatched - a.unmatched || compare(a.key, b.key));
  const entities = ranked.slice(0, limit).sort((a, b) => compare(a.key, b.key));
  return { entities, total: counts.length, first: ranked[0]?.key ?? null };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
