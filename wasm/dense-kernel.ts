/**
 * The matrix product the MLP's typed-array trainer spends its time in, as
 * WebAssembly SIMD (AssemblyScript; built by scripts/build-dense-kernel.js
 * into src/core/models/mlp/dense-kernel-wasm.ts, see dense-wasm.ts there).
 *
 * `c (m × n) = a · b` (or `c += a · b` when `accumulate` is 1), f32, where
 * `b` is row-major `k × n` and `a`'s element (i, p) is at
 * `a[i·ai + p·ap]`, so one kernel serves `x·W` (ai = k, ap = 1) and
 * `xᵀ·δ` (ai = 1, ap = rows). Pointers are byte offsets into the imported
 * memory. Blocks of 4 rows × 8 columns keep eight f32x4 sums in registers;
 * each step loads two vectors of `b` and four scalars of `a`.
 */

/** Where the module's own static data (Mathf.exp's table) ends: the caller's buffers go after it. */
export function dataEnd(): usize {
  return __heap_base;
}

function fma(acc: v128, x: v128, y: v128): v128 {
  return f32x4.add(acc, f32x4.mul(x, y));
}

function start(c: usize, accumulate: i32): v128 {
  return accumulate ? v128.load(c) : f32x4.splat(0);
}

export function gemm(a: usize, ai: i32, ap: i32, b: usize, c: usize, m: i32, n: i32, k: i32, accumulate: i32): void {
  const rowB = (<usize>n) << 2;
  const stepA = (<usize>ap) << 2;
  const nextA = (<usize>ai) << 2;
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    const a0 = a + ((<usize>i * <usize>ai) << 2);
    const c0 = c + ((<usize>i * <usize>n) << 2);
    const c1 = c0 + rowB;
    const c2 = c1 + rowB;
    const c3 = c2 + rowB;
    let j = 0;
    for (; j + 8 <= n; j += 8) {
      const o = (<usize>j) << 2;
      let s00 = start(c0 + o, accumulate);
      let s01 = start(c0 + o + 16, accumulate);
      let s10 = start(c1 + o, accumulate);
      let s11 = start(c1 + o + 16, accumulate);
      let s20 = start(c2 + o, accumulate);
      let s21 = start(c2 + o + 16, accumulate);
      let s30 = start(c3 + o, accumulate);
      let s31 = start(c3 + o + 16, accumulate);
      let pa = a0;
      let pb = b + o;
      for (let p = 0; p < k; p++) {
        const b0 = v128.load(pb);
        const b1 = v128.load(pb, 16);
        const x0 = f32x4.splat(load<f32>(pa));
        const x1 = f32x4.splat(load<f32>(pa + nextA));
        const x2 = f32x4.splat(load<f32>(pa + 2 * nextA));
        const x3 = f32x4.splat(load<f32>(pa + 3 * nextA));
        s00 = fma(s00, x0, b0);
        s01 = fma(s01, x0, b1);
        s10 = fma(s10, x1, b0);
        s11 = fma(s11, x1, b1);
        s20 = fma(s20, x2, b0);
        s21 = fma(s21, x2, b1);
        s30 = fma(s30, x3, b0);
        s31 = fma(s31, x3, b1);
        pa += stepA;
        pb += rowB;
      }
      v128.store(c0 + o, s00);
      v128.store(c0 + o, s01, 16);
      v128.store(c1 + o, s10);
      v128.store(c1 + o, s11, 16);
      v128.store(c2 + o, s20);
      v128.store(c2 + o, s21, 16);
      v128.store(c3 + o, s30);
      v128.store(c3 + o, s31, 16);
    }
    for (; j + 4 <= n; j += 4) {
      const o = (<usize>j) << 2;
      let s0 = start(c0 + o, accumulate);
      let s1 = start(c1 + o, accumulate);
      let s2 = start(c2 + o, accumulate);
      let s3 = start(c3 + o, accumulate);
      let pa = a0;
      let pb = b + o;
      for (let p = 0; p < k; p++) {
        const b0 = v128.load(pb);
        s0 = fma(s0, f32x4.splat(load<f32>(pa)), b0);
        s1 = fma(s1, f32x4.splat(load<f32>(pa + nextA)), b0);
        s2 = fma(s2, f32x4.splat(load<f32>(pa + 2 * nextA)), b0);
        s3 = fma(s3, f32x4.splat(load<f32>(pa + 3 * nextA)), b0);
        pa += stepA;
        pb += rowB;
      }
      v128.store(c0 + o, s0);
      v128.store(c1 + o, s1);
      v128.store(c2 + o, s2);
      v128.store(c3 + o, s3);
    }
    for (; j < n; j++) {
      const o = (<usize>j) << 2;
      let s0: f32 = accumulate ? load<f32>(c0 + o) : 0;
      let s1: f32 = accumulate ? load<f32>(c1 + o) : 0;
      let s2: f32 = accumulate ? load<f32>(c2 + o) : 0;
      let s3: f32 = accumulate ? load<f32>(c3 + o) : 0;
      let pa = a0;
      let pb = b + o;
      for (let p = 0; p < k; p++) {
        const y = load<f32>(pb);
        s0 += load<f32>(pa) * y;
        s1 += load<f32>(pa + nextA) * y;
        s2 += load<f32>(pa + 2 * nextA) * y;
        s3 += load<f32>(pa + 3 * nextA) * y;
        pa += stepA;
        pb += rowB;
      }
      store<f32>(c0 + o, s0);
      store<f32>(c1 + o, s1);
      store<f32>(c2 + o, s2);
      store<f32>(c3 + o, s3);
    }
  }
  for (; i < m; i++) {
    const a0 = a + ((<usize>i * <usize>ai) << 2);
    const c0 = c + ((<usize>i * <usize>n) << 2);
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      const o = (<usize>j) << 2;
      let s0 = start(c0 + o, accumulate);
      let pa = a0;
      let pb = b + o;
      for (let p = 0; p < k; p++) {
        s0 = fma(s0, f32x4.splat(load<f32>(pa)), v128.load(pb));
        pa += stepA;
        pb += rowB;
      }
      v128.store(c0 + o, s0);
    }
    for (; j < n; j++) {
      const o = (<usize>j) << 2;
      let s0: f32 = accumulate ? load<f32>(c0 + o) : 0;
      let pa = a0;
      let pb = b + o;
      for (let p = 0; p < k; p++) {
        s0 += load<f32>(pa) * load<f32>(pb);
        pa += stepA;
        pb += rowB;
      }
      store<f32>(c0 + o, s0);
    }
  }
}

/** `z (rows × units) += b` on every row, then ReLU when `relu` is 1. */
export function biasActivate(z: usize, b: usize, rows: i32, units: i32, relu: i32): void {
  const zero = f32x4.splat(0);
  const width = (<usize>units) << 2;
  for (let r = 0; r < rows; r++) {
    const row = z + <usize>r * width;
    let j = 0;
    for (; j + 4 <= units; j += 4) {
      const o = (<usize>j) << 2;
      let v = f32x4.add(v128.load(row + o), v128.load(b + o));
      if (relu) v = v128.and(v, f32x4.gt(v, zero));
      v128.store(row + o, v);
    }
    for (; j < units; j++) {
      const o = (<usize>j) << 2;
      let v = load<f32>(row + o) + load<f32>(b + o);
      if (relu && !(v > 0)) v = 0;
      store<f32>(row + o, v);
    }
  }
}

/** `d *= (a > 0)` over `n` values: ReLU's slope, from its outputs `a`. */
export function reluSlope(d: usize, a: usize, n: i32): void {
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = (<usize>i) << 2;
    v128.store(d + o, v128.and(v128.load(d + o), f32x4.gt(v128.load(a + o), zero)));
  }
  for (; i < n; i++) {
    const o = (<usize>i) << 2;
    if (!(load<f32>(a + o) > 0)) store<f32>(d + o, 0);
  }
}

/** Softmax of each of the `rows` rows of `z` (`rows × k`), in place. */
export function softmaxRows(z: usize, rows: i32, k: i32): void {
  const width = (<usize>k) << 2;
  for (let r = 0; r < rows; r++) {
    const row = z + <usize>r * width;
    let max = -Infinity as f32;
    for (let j = 0; j < k; j++) max = Mathf.max(max, load<f32>(row + ((<usize>j) << 2)));
    let sum: f32 = 0;
    for (let j = 0; j < k; j++) {
      const e = Mathf.exp(load<f32>(row + ((<usize>j) << 2)) - max);
      store<f32>(row + ((<usize>j) << 2), e);
      sum += e;
    }
    for (let j = 0; j < k; j++) store<f32>(row + ((<usize>j) << 2), load<f32>(row + ((<usize>j) << 2)) / sum);
  }
}

/**
 * One Adam update of `n` weights `w` from gradients `g`, moments `m` and
 * `v`, as TF.js's: `w -= lr·(m/c1) / (√(v/c2) + ε)`, where c1 and c2 are
 * the bias corrections 1 − β^t.
 */
export function adam(
  w: usize,
  g: usize,
  m: usize,
  v: usize,
  n: i32,
  lr: f32,
  beta1: f32,
  beta2: f32,
  c1: f32,
  c2: f32,
  eps: f32,
): void {
  const b1 = f32x4.splat(beta1);
  const b2 = f32x4.splat(beta2);
  const r1 = f32x4.splat(1 - beta1);
  const r2 = f32x4.splat(1 - beta2);
  const lr4 = f32x4.splat(lr);
  const c14 = f32x4.splat(c1);
  const c24 = f32x4.splat(c2);
  const e4 = f32x4.splat(eps);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = (<usize>i) << 2;
    const gi = v128.load(g + o);
    const mi = f32x4.add(f32x4.mul(b1, v128.load(m + o)), f32x4.mul(r1, gi));
    const vi = f32x4.add(f32x4.mul(b2, v128.load(v + o)), f32x4.mul(r2, f32x4.mul(gi, gi)));
    v128.store(m + o, mi);
    v128.store(v + o, vi);
    const step = f32x4.div(f32x4.mul(lr4, f32x4.div(mi, c14)), f32x4.add(f32x4.sqrt(f32x4.div(vi, c24)), e4));
    v128.store(w + o, f32x4.sub(v128.load(w + o), step));
  }
  for (; i < n; i++) {
    const o = (<usize>i) << 2;
    const gi = load<f32>(g + o);
    const mi = beta1 * load<f32>(m + o) + (1 - beta1) * gi;
    const vi = beta2 * load<f32>(v + o) + (1 - beta2) * gi * gi;
    store<f32>(m + o, mi);
    store<f32>(v + o, vi);
    store<f32>(w + o, load<f32>(w + o) - (lr * (mi / c1)) / (Mathf.sqrt(vi / c2) + eps));
  }
}
