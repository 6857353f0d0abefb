/**
 * Whether two plain-data values are equal: stored records (optimistic
 * concurrency checks) or metric reports (did a re-run reproduce?). Both
 * sides come from the same code, so their JSON — with non-finite numbers
 * spelled out rather than turned into null — is a faithful comparison.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  const text = (v: unknown) =>
    JSON.stringify(v, (_, x) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x));
  return text(a) === text(b);
}
