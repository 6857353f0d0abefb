import type { BooleanSpelling } from '../types.ts';

/** Each true word with its false partner, for a column that only ever holds one of the two. */
const PARTNERS: [string, string][] = [
  ['true', 'false'],
  ['yes', 'no'],
  ['y', 'n'],
  ['t', 'f'],
  ['1', '0'],
];

/**
 * The spelling a boolean column keeps, from the first true and first false
 * cell it held (either may be null when the column never holds it): the
 * missing side is the partner word in the same case (`Yes` → `No`).
 * Returns undefined for the default `true`/`false`, so a table of plain
 * booleans encodes (and hashes) as it always has.
 *
 * @example
 * booleanSpelling('Yes', null) // { true: 'Yes', false: 'No' }
 * booleanSpelling('true', 'false') // undefined
 */
export function booleanSpelling(trueText: string | null, falseText: string | null): BooleanSpelling | undefined {
  const t = trueText ?? partner(falseText ?? 'false', 1);
  const f = falseText ?? partner(trueText ?? 'true', 0);
  return t === 'true' && f === 'false' ? undefined : { true: t, false: f };
}

/** The word paired with `word`, which stands at `side` of its pair (0 = true, 1 = false). */
function partner(word: string, side: 0 | 1): string {
  const pair = PARTNERS.find((p) => p[side] === word.toLowerCase());
  if (!pair) return side ? 'true' : 'false';
  const other = pair[1 - side];
  if (word === word.toUpperCase() && word !== word.toLowerCase()) return other.toUpperCase();
  if (word[0] === word[0].toUpperCase() && word[0] !== word[0].toLowerCase())
    return other[0].toUpperCase() + other.slice(1);
  return other;
}
