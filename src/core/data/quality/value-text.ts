import type { ColumnProfile } from '../profile/profile-types.ts';

/**
 * The most frequent value of a profiled column as display text, quoted for
 * a message: top value for text and booleans, the minimum otherwise
 * (datetimes as ISO 8601). Meant for columns with a single value, where
 * "most frequent" and "minimum" are the same thing.
 *
 * @example
 * quotedValue(profileOfCountryColumn) // '"NO"'
 */
export function quotedValue(profile: ColumnProfile): string {
  if (profile.top?.length) return JSON.stringify(profile.top[0].value);
  const min = profile.numeric?.min;
  if (min === undefined) return '""';
  return JSON.stringify(profile.type === 'datetime' ? new Date(min).toISOString() : String(min));
}
