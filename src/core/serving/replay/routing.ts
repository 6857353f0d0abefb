/**
 * Deterministic traffic assignment: a request goes where the hash of its id
 * and a salt falls, so the same id and salt always land in the same group —
 * across reloads, machines and replays — and a new salt reshuffles. Because
 * the point is fixed, a request in a 5% canary stays in it at 25%.
 */

/**
 * A uniform point in [0, 1) for `id` under `salt`: FNV-1a (32-bit) over the
 * UTF-16 code units of `salt`, a separator and `id`, then MurmurHash3's
 * fmix32 finaliser so near-identical ids spread evenly.
 *
 * @example
 * routePoint('17', 'seed:42') < 0.05; // in a 5% canary?
 */
export function routePoint(id: string, salt: string): number {
  let h = 0x811c9dc5;
  const text = `${salt}\u0000${id}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** Route points of many ids at once. */
export function routePoints(ids: ArrayLike<string | number>, salt: string): Float64Array {
  return Float64Array.from({ length: ids.length }, (_, i) => routePoint(String(ids[i]), salt));
}
