import { WorkbenchError } from '../errors.ts';
import { normalQuantile } from './normal-quantile.ts';

/** A proportion with its confidence interval. */
export interface ProportionInterval {
  /** successes / n */
  estimate: number;
  low: number;
  high: number;
  /** e.g. 0.95 */
  confidence: number;
}

/**
 * Wilson score interval for a binomial proportion, computed as statsmodels'
 * `proportion_confint(successes, n, alpha=1 - confidence, method='wilson')`.
 * Unlike the normal ("Wald") interval it stays inside [0, 1] and does not
 * collapse to a point at 0 or n successes, so it suits small test sets. The
 * bound at 0 successes is exactly 0, at n successes exactly 1 (statsmodels'
 * floating point gives e.g. 0.9999999999999999 there).
 *
 * @param successes e.g. correctly classified held-out rows
 * @param n number of trials (held-out rows)
 * @param confidence between 0 and 1, default 0.95
 * @example
 * wilsonInterval(87, 100); // { estimate: 0.87, low: 0.7907…, high: 0.9221…, confidence: 0.95 }
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): ProportionInterval {
  if (!Number.isInteger(n) || n < 1) {
    throw new WorkbenchError(
      'metrics.bad_count',
      `A confidence interval needs a positive whole number of trials, got ${n}. Evaluate on at least one row.`,
    );
  }
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new WorkbenchError(
      'metrics.bad_count',
      `Successes must be a whole number between 0 and ${n} (the number of trials), got ${successes}.`,
    );
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new WorkbenchError(
      'metrics.bad_confidence',
      `Confidence must be strictly between 0 and 1 (e.g. 0.95), got ${confidence}.`,
    );
  }
  // statsmodels' operation order, so results agree to the last bit or two.
  const alpha = 1 - confidence;
  const crit = -normalQuantile(alpha / 2);
  const q = successes / n;
  const crit2 = crit * crit;
  const denom = 1 + crit2 / n;
  const center = (q + crit2 / (2 * n)) / denom;
  const dist = (crit * Math.sqrt((q * (1 - q)) / n + crit2 / (4 * n * n))) / denom;
  // At 0 (or n) successes the exact bound is 0 (or 1); the formula only gets there up to rounding.
  const low = successes === 0 ? 0 : Math.max(0, center - dist);
  const high = successes === n ? 1 : Math.min(1, center + dist);
  return { estimate: q, low, high, confidence };
}

/**
 * Wilson interval for an accuracy measured on `n` held-out rows.
 *
 * @example
 * accuracyInterval(0.87, 100).low; // 0.7907…
 */
export function accuracyInterval(accuracy: number, n: number, confidence = 0.95): ProportionInterval {
  // Accuracy is a count over n; rounding recovers it from the float division.
  return wilsonInterval(Math.round(accuracy * n), n, confidence);
}
