/**
 * Whether two stored records are equal, for optimistic-concurrency checks.
 * Records are plain data written by the same code, so their JSON (with
 * non-finite numbers spelled out) is a faithful comparison.
 */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  const text = (v: unknown) => JSON.stringify(v, (_, x) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x));
  return text(a) === text(b);
}
