import { moreThuenteStep, type StepBracket } from './more-thuente-step.ts';

/**
 * Evaluates the objective at `step` along the search direction and returns its
 * value `f` and directional derivative `g` (gradient · direction).
 */
export type LinePoint = (step: number) => { f: number; g: number };

/** Tolerances of a More–Thuente search; defaults are L-BFGS-B's. */
export interface LineSearchOptions {
  /** Sufficient decrease (Armijo) constant. */
  ftol?: number;
  /** Curvature constant: |f'(step)| <= gtol |f'(0)|. */
  gtol?: number;
  /** Relative width below which the bracket is considered closed. */
  xtol?: number;
  stpmin?: number;
  stpmax?: number;
  /** Most objective evaluations the search may spend. */
  maxEvaluations?: number;
}

/** Where a line search ended. `ok` is false when no acceptable step was found. */
export interface LineSearchResult {
  ok: boolean;
  step: number;
  f: number;
  evaluations: number;
  /** 'converged' (strong Wolfe), or the warning that ended it early. */
  status: 'converged' | 'rounding' | 'xtol' | 'stpmax' | 'stpmin' | 'max-evaluations' | 'non-finite';
}

/**
 * Finds a step satisfying the strong Wolfe conditions with the More–Thuente
 * algorithm (MINPACK-2 `dcsrch`), starting from `step0`.
 *
 * `f0` and `g0` are the value and directional derivative at step 0; `g0` must
 * be negative (a descent direction). When `ok`, the last call to `point` was
 * at `result.step`, so state the caller kept from it (the gradient) is current.
 *
 * @example
 * // minimise (s - 3)^2 along a line
 * searchLine((s) => ({ f: (s - 3) ** 2, g: 2 * (s - 3) }), 9, -6, 1).step; // 3
 */
export function searchLine(
  point: LinePoint,
  f0: number,
  g0: number,
  step0: number,
  options: LineSearchOptions = {},
): LineSearchResult {
  const ftol = options.ftol ?? 1e-3;
  const gtol = options.gtol ?? 0.9;
  const xtol = options.xtol ?? 0.1;
  const stpmin = options.stpmin ?? 0;
  const stpmax = options.stpmax ?? 1e10;
  const maxEvaluations = options.maxEvaluations ?? 20;

  const gtest = ftol * g0;
  const b: StepBracket = { stx: 0, fx: f0, dx: g0, sty: 0, fy: f0, dy: g0, brackt: false };
  let stage = 1;
  let width = stpmax - stpmin;
  let width1 = width / 0.5;
  let stmin = 0;
  let stp = Math.min(Math.max(step0, stpmin), stpmax);
  let stmax = stp + 4 * stp;
  // Steps at or beyond `ceiling` gave a non-finite value; scipy would carry the
  // NaN on, we back off towards the best step instead.
  let ceiling = Infinity;

  for (let evaluations = 1; ; evaluations++) {
    const { f, g } = point(stp);
    if (!Number.isFinite(f) || !Number.isFinite(g)) {
      if (evaluations >= maxEvaluations || stp - b.stx <= stpmin) {
        return { ok: false, step: b.stx, f: b.fx, evaluations, status: 'non-finite' };
      }
      ceiling = stp;
      stp = b.stx + 0.5 * (stp - b.stx);
      continue;
    }
    const ftest = f0 + stp * gtest;
    if (stage === 1 && f <= ftest && g >= 0) stage = 2;

    if (f <= ftest && Math.abs(g) <= gtol * -g0) return { ok: true, step: stp, f, evaluations, status: 'converged' };
    // The warnings accept the current step (as L-BFGS-B does) when it still
    // decreases the objective; otherwise the search has failed.
    let warning: LineSearchResult['status'] | undefined;
    if (b.brackt && (stp <= stmin || stp >= stmax)) warning = 'rounding';
    if (b.brackt && stmax - stmin <= xtol * stmax) warning = 'xtol';
    if (stp === stpmax && f <= ftest && g <= gtest) warning = 'stpmax';
    if (stp === stpmin && (f > ftest || g >= gtest)) warning = 'stpmin';
    if (warning !== undefined) return { ok: f < f0, step: stp, f, evaluations, status: warning };
    if (evaluations >= maxEvaluations) return { ok: false, step: stp, f, evaluations, status: 'max-evaluations' };

    if (stage === 1 && f <= b.fx && f > ftest) {
      // A lower value without sufficient decrease: step on the modified
      // function psi(s) = f(s) - f(0) - ftol s f'(0), as the paper prescribes.
      const m: StepBracket = {
        stx: b.stx,
        fx: b.fx - b.stx * gtest,
        dx: b.dx - gtest,
        sty: b.sty,
        fy: b.fy - b.sty * gtest,
        dy: b.dy - gtest,
        brackt: b.brackt,
      };
      stp = moreThuenteStep(m, stp, f - stp * gtest, g - gtest, stmin, stmax);
      b.stx = m.stx;
      b.sty = m.sty;
      b.brackt = m.brackt;
      b.fx = m.fx + m.stx * gtest;
      b.fy = m.fy + m.sty * gtest;
      b.dx = m.dx + gtest;
      b.dy = m.dy + gtest;
    } else {
      stp = moreThuenteStep(b, stp, f, g, stmin, stmax);
    }

    if (b.brackt) {
      if (Math.abs(b.sty - b.stx) >= 0.66 * width1) stp = b.stx + 0.5 * (b.sty - b.stx);
      width1 = width;
      width = Math.abs(b.sty - b.stx);
      stmin = Math.min(b.stx, b.sty);
      stmax = Math.max(b.stx, b.sty);
    } else {
      stmin = stp + 1.1 * (stp - b.stx);
      stmax = stp + 4 * (stp - b.stx);
    }
    stp = Math.min(Math.max(stp, stpmin), stpmax);
    if (stp >= ceiling) stp = b.stx + 0.5 * (ceiling - b.stx);
    if ((b.brackt && (stp <= stmin || stp >= stmax)) || (b.brackt && stmax - stmin <= xtol * stmax)) stp = b.stx;
  }
}
