/** A source of uniform numbers in [0, 1): what the core takes instead of Math.random. */
export type Rng = () => number;

/**
 * A small, fast, seeded PRNG (mulberry32, 32-bit state). Same seed, same
 * sequence, on every platform — which is what reproducible splits, shuffles
 * and bootstraps need; it is not for cryptography.
 *
 * @example
 * const rng = seededRng(42); rng(); // 0.6011037519201636 every time
 */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
