import { WorkbenchError } from '../errors.ts';
import { searchLine } from './line-search.ts';
import { LbfgsMemory } from './lbfgs-memory.ts';

/**
 * A differentiable objective: returns f(x) and writes ∇f(x) into `gradient`
 * (same length as x). It must not keep or modify `x`.
 */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

/** What the minimiser reports after each completed iteration. */
export interface LbfgsIteration {
  iteration: number;
  value: number;
  gradientMaxAbs: number;
  evaluations: number;
}

/** Options of {@link minimizeLbfgs}; defaults mirror scipy's L-BFGS-B. */
export interface LbfgsOptions {
  /** Correction pairs kept (scipy's maxcor). */
  memory?: number;
  /** Most iterations (scipy's maxiter). */
  maxIter?: number;
  /** Stop when max |∇f| <= tol (scipy's pgtol / gtol; unbounded, so projection is the identity). */
  tol?: number;
  /**
   * Stop when (f_prev − f) / max(|f_prev|, |f|, 1) <= ftol (scipy's ftol = factr · eps,
   * default 2.2e-9). With 0 it stops only once an iteration no longer lowers f.
   */
  ftol?: number;
  /** Most evaluations per line search (scipy's maxls). */
  maxLineSearch?: number;
  /** Called after every iteration; return false to stop early (e.g. on cancel). */
  onIteration?: (info: LbfgsIteration) => boolean | void;
}

/** Why the minimiser stopped. */
export type LbfgsStop = 'gradient' | 'relative-reduction' | 'max-iterations' | 'line-search-failed' | 'stopped';

/** The result of {@link minimizeLbfgs}: the best point found and how it got there. */
export interface LbfgsResult {
  x: Float64Array;
  value: number;
  gradientMaxAbs: number;
  iterations: number;
  evaluations: number;
  /** True when a convergence test ('gradient' or 'relative-reduction') ended the run. */
  converged: boolean;
  stop: LbfgsStop;
}

const EPS = 2.220446049250313e-16;

/**
 * Minimises a smooth function with limited-memory BFGS and a More–Thuente
 * strong-Wolfe line search, following scipy's L-BFGS-B on an unbounded
 * problem: same tests (max-abs gradient <= tol, relative reduction <= ftol),
 * same line-search constants, same first step (1/‖d‖), same skipped updates.
 *
 * @example
 * const r = minimizeLbfgs((x, g) => { g[0] = 2 * (x[0] - 1); return (x[0] - 1) ** 2; }, new Float64Array(1));
 * r.x[0]; // ≈ 1
 */
export function minimizeLbfgs(objective: Objective, x0: Float64Array, options: LbfgsOptions = {}): LbfgsResult {
  const n = x0.length;
  const maxIter = options.maxIter ?? 15000;
  const tol = options.tol ?? 1e-5;
  const ftol = options.ftol ?? 1e7 * EPS;
  const memory = new LbfgsMemory(n, options.memory ?? 10);

  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  const trial = new Float64Array(n);
  const gTrial = new Float64Array(n);
  const d = new Float64Array(n);
  let f = objective(x, g);
  let evaluations = 1;
  if (!Number.isFinite(f) || !allFinite(g)) {
    throw new WorkbenchError(
      'optim.non_finite_start',
      'The objective is not finite at the starting point. Check the training data for NaN or infinite values and rescale very large features.',
    );
  }
  let gMax = maxAbs(g);
  const result = (stop: LbfgsStop, iterations: number): LbfgsResult => ({
    x,
    value: f,
    gradientMaxAbs: gMax,
    iterations,
    evaluations,
    converged: stop === 'gradient' || stop === 'relative-reduction',
    stop,
  });
  if (gMax <= tol) return result('gradient', 0);

  let iteration = 0;
  while (iteration < maxIter) {
    memory.direction(g, d);
    let gd = dot(g, d);
    if (!(gd < 0)) {
      // Not a descent direction (curvature pairs gone stale): restart from steepest descent.
      memory.reset();
      memory.direction(g, d);
      gd = dot(g, d);
    }
    const step0 = memory.size === 0 ? Math.min(1 / Math.sqrt(dot(d, d)), 1e10) : 1;
    const point = (step: number) => {
      for (let i = 0; i < n; i++) trial[i] = x[i] + step * d[i];
      const value = objective(trial, gTrial);
      evaluations++;
      return { f: value, g: dot(gTrial, d) };
    };
    const search = searchLine(point, f, gd, step0, { maxEvaluations: options.maxLineSearch ?? 20 });
    if (!search.ok || search.step <= 0) {
      // Like L-BFGS-B: forget the curvature pairs and try once more from
      // steepest descent; fail when that was already steepest descent.
      if (memory.size === 0) return result('line-search-failed', iteration);
      memory.reset();
      continue;
    }
    // An accepted search always ends with its evaluation at the accepted step,
    // so trial and gTrial hold the new point and its gradient.
    iteration++;
    const fPrev = f;
    memory.push(x, trial, g, gTrial);
    x.set(trial);
    g.set(gTrial);
    f = search.f;
    gMax = maxAbs(g);

    const keepGoing = options.onIteration?.({ iteration, value: f, gradientMaxAbs: gMax, evaluations });
    if (gMax <= tol) return result('gradient', iteration);
    if ((fPrev - f) / Math.max(Math.abs(fPrev), Math.abs(f), 1) <= ftol) return result('relative-reduction', iteration);
    if (keepGoing === false) return result('stopped', iteration);
  }
  return result('max-iterations', iteration);
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]);
    if (v > m) m = v;
  }
  return m;
}

function allFinite(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}
