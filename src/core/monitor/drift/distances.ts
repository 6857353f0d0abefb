/**
 * Distances between two histograms of counts over the same bins (or
 * categories): the population stability index and the Jensen–Shannon
 * distance.
 */

/** Each proportion is floored here so an empty bin does not make PSI infinite. */
export const PSI_FLOOR = 1e-4;

/**
 * PSI = Σ (cur − ref) · ln(cur / ref) over the bins' proportions, each
 * floored at 1e-4.
 *
 * @example
 * psi(Float64Array.of(50, 50), Float64Array.of(25, 75)); // 0.2746…
 */
export function psi(reference: Float64Array, current: Float64Array): number {
  const nr = total(reference);
  const nc = total(current);
  let sum = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = Math.max(reference[i] / nr, PSI_FLOOR);
    const c = Math.max(current[i] / nc, PSI_FLOOR);
    sum += (c - r) * Math.log(c / r);
  }
  return sum;
}

/**
 * The Jensen–Shannon distance (the square root of the divergence) with the
 * natural logarithm, as `scipy.spatial.distance.jensenshannon(p, q)` with its
 * default base: 0 for identical distributions, at most √ln 2 ≈ 0.8326.
 *
 * @example
 * jensenShannon(Float64Array.of(1, 0), Float64Array.of(0, 1)); // 0.8325546111576977
 */
export function jensenShannon(reference: Float64Array, current: Float64Array): number {
  const nr = total(reference);
  const nc = total(current);
  let sum = 0;
  for (let i = 0; i < reference.length; i++) {
    const p = reference[i] / nr;
    const q = current[i] / nc;
    const m = (p + q) / 2;
    if (p > 0) sum += p * Math.log(p / m);
    if (q > 0) sum += q * Math.log(q / m);
  }
  return Math.sqrt(Math.max(0, sum / 2));
}

function total(counts: Float64Array): number {
  let n = 0;
  for (let i = 0; i < counts.length; i++) n += counts[i];
  return n;
}
