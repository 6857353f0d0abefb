import type { TopValue } from './profile-types.ts';
import { booleanText, type BooleanSpelling } from '../types.ts';

/** How many most frequent values a profile lists. */
export const TOP_VALUES = 10;

/**
 * The `limit` most frequent dictionary entries, most frequent first; ties go
 * to the lower code, which in a first-appearance dictionary is the value seen
 * first. One pass with a small sorted buffer, so a million distinct
 * identifiers cost no more than a scan.
 *
 * @param counts occurrences per dictionary code (see `codeCounts`)
 * @example
 * topCodes(new Int32Array([1, 3, 3]), ['a', 'b', 'c'], 2) // [{ value: 'b', count: 3 }, { value: 'c', count: 3 }]
 */
export function topCodes(counts: Int32Array, dictionary: string[], limit = TOP_VALUES): TopValue[] {
  const best: number[] = [];
  for (let code = 0; code < counts.length; code++) {
    const c = counts[code];
    if (c === 0 || (best.length === limit && c <= counts[best[limit - 1]])) continue;
    // Insert after every entry with a count ≥ c: earlier codes win ties.
    let at = best.length;
    while (at > 0 && counts[best[at - 1]] < c) at--;
    best.splice(at, 0, code);
    if (best.length > limit) best.pop();
  }
  return best.map((code) => ({ value: dictionary[code], count: counts[code] }));
}

/**
 * Top values of a boolean column (0/1, NaN missing) in its spelling (`true`/`false` by default), most
 * frequent first, ties to the value that appears first.
 *
 * @example
 * topBooleans(new Float64Array([0, 1, 1, NaN])) // [{ value: 'true', count: 2 }, { value: 'false', count: 1 }]
 */
export function topBooleans(values: Float64Array, spelling?: BooleanSpelling): TopValue[] {
  let trues = 0;
  let falses = 0;
  let trueFirst = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    if (trues + falses === 0) trueFirst = v !== 0;
    if (v !== 0) trues++;
    else falses++;
  }
  const t: TopValue = { value: booleanText({ spelling }, 1), count: trues };
  const f: TopValue = { value: booleanText({ spelling }, 0), count: falses };
  const ordered = trues > falses || (trues === falses && trueFirst) ? [t, f] : [f, t];
  return ordered.filter((entry) => entry.count > 0);
}
