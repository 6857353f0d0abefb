import type { BinaryOperator } from './ast.ts';

/** Non-finite results (1/0, exp(1000), log(0)) are missing: a column never holds ±Infinity. */
const finite = (v: number): number => (v === Infinity || v === -Infinity ? NaN : v);

/**
 * Element-wise arithmetic over two equally long vectors; a missing operand
 * (NaN) gives a missing result, and so does division or remainder by zero.
 */
export function arithmetic(op: BinaryOperator, a: Float64Array, b: Float64Array): Float64Array {
  const n = a.length;
  const out = new Float64Array(n);
  // One loop per operator: the switch stays outside the hot loop.
  switch (op) {
    case '+':
      for (let i = 0; i < n; i++) out[i] = finite(a[i] + b[i]);
      break;
    case '-':
      for (let i = 0; i < n; i++) out[i] = finite(a[i] - b[i]);
      break;
    case '*':
      for (let i = 0; i < n; i++) out[i] = finite(a[i] * b[i]);
      break;
    case '/':
      for (let i = 0; i < n; i++) out[i] = b[i] === 0 ? NaN : finite(a[i] / b[i]);
      break;
    case '%':
      for (let i = 0; i < n; i++) out[i] = b[i] === 0 ? NaN : a[i] % b[i];
      break;
    default:
      throw new Error(`not an arithmetic operator: ${op}`);
  }
  return out;
}

/** Element-wise comparison as 1/0, missing where either side is missing. */
export function compareNumbers(op: BinaryOperator, a: Float64Array, b: Float64Array): Float64Array {
  const n = a.length;
  const out = new Float64Array(n);
  const test = comparator(op);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    out[i] = x !== x || y !== y ? NaN : test(x, y) ? 1 : 0;
  }
  return out;
}

export function comparator<T>(op: BinaryOperator): (x: T, y: T) => boolean {
  switch (op) {
    case '==':
      return (x, y) => x === y;
    case '!=':
      return (x, y) => x !== y;
    case '<':
      return (x, y) => x < y;
    case '<=':
      return (x, y) => x <= y;
    case '>':
      return (x, y) => x > y;
    case '>=':
      return (x, y) => x >= y;
    default:
      throw new Error(`not a comparison: ${op}`);
  }
}

/**
 * Three-valued (Kleene) logic, as in SQL: `false and missing` is false,
 * `true or missing` is true, any other combination with a missing side is missing.
 */
export function logic(op: 'and' | 'or', a: Float64Array, b: Float64Array): Float64Array {
  const n = a.length;
  const out = new Float64Array(n);
  const decisive = op === 'and' ? 0 : 1;
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x === decisive || y === decisive) out[i] = decisive;
    else out[i] = x !== x || y !== y ? NaN : 1 - decisive;
  }
  return out;
}

/** Applies a one-argument function to every element; non-finite results become missing. */
export function mapValues(a: Float64Array, f: (x: number) => number): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = finite(f(a[i]));
  return out;
}

/** Rounds half away from zero to `digits` decimals (negative digits round to tens, hundreds, …). */
export function roundTo(x: number, digits: number): number {
  if (x !== x || digits !== digits) return NaN;
  const scale = 10 ** Math.trunc(digits);
  const scaled = Math.abs(x) * scale;
  // Nudge by a relative epsilon so 1.005 (stored as 1.00499…) rounds like it reads.
  const rounded = Math.round(scaled * (1 + Number.EPSILON)) / scale;
  return x < 0 ? -rounded : rounded;
}

/** 0 below the first edge, i from edges[i-1] up to below edges[i], edges.length from the last edge up. */
export function bucketIndex(x: number, edges: readonly number[]): number {
  if (x !== x) return NaN;
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x >= edges[mid]) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
