/** The n-dimensional Rosenbrock function and its gradient, as scipy.optimize.rosen / rosen_der. */
export function rosenbrock(x: Float64Array, g: Float64Array): number {
  let f = 0;
  g.fill(0);
  for (let i = 0; i < x.length - 1; i++) {
    const a = x[i + 1] - x[i] * x[i];
    const b = 1 - x[i];
    f += 100 * a * a + b * b;
    g[i] += -400 * x[i] * a - 2 * b;
    g[i + 1] += 200 * a;
  }
  return f;
}
