/**
 * Records keyed by names users choose (column names, tag keys). A plain `{}`
 * mistakes some of those names for its own machinery: assigning at
 * `__proto__` is silently ignored, and reading `constructor` or `toString`
 * from a record that lacks them returns Object.prototype's functions. A
 * record without a prototype, read through {@link ownValue}, treats every
 * name alike.
 */

/**
 * A record with no prototype, filled from `entries`.
 *
 * @example
 * keyedRecord([['__proto__', 'feature']])['__proto__'] // 'feature'
 */
export function keyedRecord<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/**
 * The record's own value at `key`, never an inherited one: records that
 * crossed a worker or JSON have a prototype again, so reads go through here.
 *
 * @example
 * ownValue({}, 'constructor') // undefined (a plain read gives Object)
 */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
