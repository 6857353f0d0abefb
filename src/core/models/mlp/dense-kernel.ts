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
}

/** Makes a kernel whose buffers hold `floats` values in all (a WebAssembly memory is sized once). */
export type DenseKernelFactory = (floats: number) => DenseKernel;
