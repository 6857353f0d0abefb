import type { ColumnProfile } from './profile-types.ts';

/** Fewer rows than this prove nothing about uniqueness. */
export const IDENTIFIER_MIN_ROWS = 10;
/** Unique integers that are not a 1-step sequence count as ids only from this many rows on. */
const LOOSE_INTEGER_MIN_ROWS = 1000;

/**
 * True when a column looks like a row identifier: at least
 * {@link IDENTIFIER_MIN_ROWS} values, all distinct, and either strings
 * (category or identifier, not free text) or integers. Integers must form a
 * consecutive run (`1, 2, …, n` in any order) or number at least 1,000:
 * on small data a measured integer such as a floor area is often unique by
 * chance, while on a thousand rows that is unlikely. Decimals, booleans and
 * datetimes are never identifiers.
 */
export function isIdentifierLike(profile: ColumnProfile): boolean {
  const { count, distinct, type } = profile;
  if (count < IDENTIFIER_MIN_ROWS || distinct !== count) return false;
  if (type === 'category' || type === 'identifier') return true;
  if (type !== 'integer' || !profile.numeric) return false;
  return profile.numeric.max - profile.numeric.min === count - 1 || count >= LOOSE_INTEGER_MIN_ROWS;
}
