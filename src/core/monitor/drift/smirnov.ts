/**
 * Smirnov's one-sided distribution: Pr(D⁺_n ≥ x), the exact finite sum
 * x · Σ_{j=0}^{⌊n(1−x)⌋} C(n, j) (x + j/n)^{j−1} (1 − x − j/n)^{n−j}
 * (Birnbaum & Tingey 1951), as SciPy's `scipy.special.smirnov` evaluates it
 * for n ≤ 10⁶. All terms are positive, so summing them in log space, scaled
 * by the largest, keeps full relative precision even for p-values far below
 * 1e-300 — no JavaScript library offers this function.
 */
export function smirnovSf(n: number, x: number): number {
  if (!(x >= 0) || x > 1) return NaN;
  if (x === 0) return 1;
  if (x === 1) return 0;
  if (n > 1_000_000) {
    // SciPy's own approximation above 10⁶: p ≈ exp(−(6nx + 1)² / 18n).
    return Math.exp(-((6 * n * x + 1) ** 2) / 18 / n);
  }
  const last = Math.floor(n * (1 - x));
  const logs = new Float64Array(last + 1);
  let logBinom = 0;
  let max = -Infinity;
  let terms = 0;
  for (let j = 0; j <= last; j++) {
    if (j > 0) logBinom += Math.log((n - j + 1) / j);
    const rest = 1 - x - j / n;
    if (rest <= 0) break;
    const l = logBinom + (j - 1) * Math.log(x + j / n) + (n - j) * Math.log(rest);
    logs[terms++] = l;
    if (l > max) max = l;
  }
  let sum = 0;
  for (let j = 0; j < terms; j++) sum += Math.exp(logs[j] - max);
  return Math.min(1, Math.exp(max + Math.log(x * sum)));
}
