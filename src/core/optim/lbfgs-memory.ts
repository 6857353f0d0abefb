const EPS = 2.220446049250313e-16;

/**
 * The last `capacity` curvature pairs (s = x₊ − x, y = ∇f₊ − ∇f) of L-BFGS and
 * the two-loop recursion that turns them into a search direction −H∇f.
 *
 * The initial inverse Hessian is (sᵀy / yᵀy)·I from the newest pair, as in
 * L-BFGS-B; with no pairs the direction is plain steepest descent.
 */
export class LbfgsMemory {
  private readonly s: Float64Array[];
  private readonly y: Float64Array[];
  private readonly rho: Float64Array;
  private readonly alpha: Float64Array;
  private head = 0;
  private count = 0;

  constructor(
    private readonly n: number,
    private readonly capacity: number,
  ) {
    this.s = Array.from({ length: capacity }, () => new Float64Array(n));
    this.y = Array.from({ length: capacity }, () => new Float64Array(n));
    this.rho = new Float64Array(capacity);
    this.alpha = new Float64Array(capacity);
  }

  /** How many pairs are stored. */
  get size(): number {
    return this.count;
  }

  /** Forgets every pair (after a failed line search or a non-descent direction). */
  reset(): void {
    this.head = 0;
    this.count = 0;
  }

  /**
   * Stores the pair from a step xOld → xNew. Skipped, as L-BFGS-B does, when
   * sᵀy <= eps·(−∇f_oldᵀs): the pair would not keep H positive definite.
   */
  push(xOld: Float64Array, xNew: Float64Array, gOld: Float64Array, gNew: Float64Array): void {
    // Test before writing: when full, the head slot still holds the oldest pair.
    let sy = 0;
    let gs = 0;
    for (let i = 0; i < this.n; i++) {
      const si = xNew[i] - xOld[i];
      sy += si * (gNew[i] - gOld[i]);
      gs += gOld[i] * si;
    }
    if (!(sy > EPS * -gs)) return;
    const s = this.s[this.head];
    const y = this.y[this.head];
    for (let i = 0; i < this.n; i++) {
      s[i] = xNew[i] - xOld[i];
      y[i] = gNew[i] - gOld[i];
    }
    this.rho[this.head] = 1 / sy;
    this.head = (this.head + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
  }

  /** Writes −H·g into `out`. */
  direction(g: Float64Array, out: Float64Array): void {
    const n = this.n;
    for (let i = 0; i < n; i++) out[i] = -g[i];
    if (this.count === 0) return;
    const cap = this.capacity;
    // Newest to oldest.
    for (let k = 0; k < this.count; k++) {
      const j = (this.head - 1 - k + cap) % cap;
      const s = this.s[j];
      const y = this.y[j];
      let a = 0;
      for (let i = 0; i < n; i++) a += s[i] * out[i];
      a *= this.rho[j];
      this.alpha[j] = a;
      for (let i = 0; i < n; i++) out[i] -= a * y[i];
    }
    const newest = (this.head - 1 + cap) % cap;
    const yN = this.y[newest];
    let yy = 0;
    for (let i = 0; i < n; i++) yy += yN[i] * yN[i];
    const gamma = 1 / (this.rho[newest] * yy);
    for (let i = 0; i < n; i++) out[i] *= gamma;
    // Oldest to newest.
    for (let k = this.count - 1; k >= 0; k--) {
      const j = (this.head - 1 - k + cap) % cap;
      const s = this.s[j];
      const y = this.y[j];
      let b = 0;
      for (let i = 0; i < n; i++) b += y[i] * out[i];
      b *= this.rho[j];
      const coef = this.alpha[j] - b;
      for (let i = 0; i < n; i++) out[i] += coef * s[i];
    }
  }
}
