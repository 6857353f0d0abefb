/**
 * Rebuilds the samples of test/fixtures/drift/scipy-drift.json from their
 * specs, with the same float arithmetic as make-fixtures.py's `sample()`.
 */
export interface SampleSpec {
  n: number;
  step: number;
  phase: number;
  scale: number;
  shift: number;
  shape: 'uniform' | 'square' | 'levels';
  levels: number;
}

export function sample(spec: SampleSpec): Float64Array {
  const out = new Float64Array(spec.n);
  for (let i = 0; i < spec.n; i++) {
    let u = ((i + 1) * spec.step + spec.phase) % 1;
    if (spec.shape === 'square') u = u * u;
    else if (spec.shape === 'levels') u = Math.floor(u * spec.levels);
    out[i] = spec.shift + spec.scale * u;
  }
  return out;
}

/** |actual − expected| ≤ tolerance · |expected| (absolute below 1e-300). */
export function relativeError(actual: number, expected: number): number {
  if (expected === actual) return 0;
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
}
