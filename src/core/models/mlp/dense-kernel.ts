/**
 * The one matrix product the typed-array trainer needs, behind an
 * interface with two implementations: WebAssembly SIMD on f32 in the
 * module's own memory (dense-wasm.ts, ~9× faster), and plain JS on
 * Float64Arrays (dense-gemm.ts), kept as the fallback where WebAssembly
 * SIMD is missing.
 */
/** A buffer the kernel computes on: f32 in WebAssembly memory, f64 in JS. */
export type Floats = Float32Array | Float64Array;

export interface DenseKernel {
  name: 'wasm' | 'js';
  /** A zeroed buffer of `length` floats that {@link DenseKernel.gemm} accepts. */
  floats(length: number): Floats;
  /**
   * `c (m × n) = a · b`, or `c += a · b` with `accumulate`; `b` is
   * row-major `k × n` and `a`'s element (i, p) is `a[i·ai + p·ap]`, so
   * `x·W` is (ai = k, ap = 1) and `xᵀ·δ` is (ai = 1, ap = rows).
   */
  gemm(
    a: Floats,
    ai: number,
    ap: number,
    b: Floats,
    c: Floats,
    m: number,
    n: number,
    k: number,
    accumulate: boolean,
  ): void;
  /** `z (rows × units) += b` on every row, then ReLU when `relu` (`z > 0 ? z : 0`). */
  biasActivate(z: Floats, b: Floats, rows: number, units: number, relu: boolean): void;
  /** `d *= a > 0 ? 1 : 0` over the first `n` values: ReLU's slope from its outputs. */
  reluSlope(d: Floats, a: Floats, n: number): void;
  /** Softmax of each of the first `rows` rows of `z` (`rows × k`), in place. */
  softmaxRows(z: Floats, rows: number, k: number): void;
  /** One Adam update (TF.js's rule, see dense-optimizer.ts) of `w` from `g`, with moments `m` and `v` ({@link DenseKernel.floats}). */
  adam(
    w: Floats,
    g: Floats,
    m: Floats,
    v: Floats,
    lr: number,
    beta1: number,
    beta2: number,
    c1: number,
    c2: number,
    epsilon: number,
  ): void;
}

/** Makes a kernel whose buffers hold `floats` values in all (a WebAssembly memory is sized once). */
export type DenseKernelFactory = (floats: number) => DenseKernel;
