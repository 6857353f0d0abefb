import type { Rng } from './rng.ts';

/**
 * Fisher–Yates shuffle driven by the injected rng (TF.js's own `fit`
 * shuffle uses Math.random, so training shuffles with this instead).
 */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(items: T, rng: Rng): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
  return items;
}
