/**
 * The WebAssembly SIMD kernel (wasm/dense-kernel.ts, built by
 * scripts/build-dense-kernel.js into the bytes of dense-kernel-wasm.ts).
 * The bytes are inlined, so the kernel loads the same way in Node, in the
 * CLI and in a browser worker, offline and under any sub-path, with no
 * fetch; the page's policy allows it ('wasm-unsafe-eval').
 *
 * Measured on this project's 2-core machine (Node 20): ~15–19 G
 * multiply-adds/s on the MLP's shapes (200 rows × 16/64/26 units), against
 * ~2 G for the blocked JS dot products.
 */
import type { DenseKernel, DenseKernelFactory, Floats } from './dense-kernel.ts';
import { DENSE_KERNEL_WASM } from './dense-kernel-wasm.ts';

interface KernelExports {
  dataEnd(): number;
  gemm(a: number, ai: number, ap: number, b: number, c: number, m: number, n: number, k: number, acc: number): void;
  biasActivate(z: number, b: number, rows: number, units: number, relu: number): void;
  reluSlope(d: number, a: number, n: number): void;
  softmaxRows(z: number, rows: number, k: number): void;
  adam(
    w: number,
    g: number,
    m: number,
    v: number,
    n: number,
    lr: number,
    b1: number,
    b2: number,
    c1: number,
    c2: number,
    eps: number,
  ): void;
}

const PAGE_BYTES = 65_536;
let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where WebAssembly or its SIMD instructions are missing. */
function kernelModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  if (typeof WebAssembly === 'undefined') return null;
  const bytes = Uint8Array.from(atob(DENSE_KERNEL_WASM), (ch) => ch.charCodeAt(0));
  try {
    if (WebAssembly.validate(bytes)) compiled = new WebAssembly.Module(bytes);
  } catch {
    compiled = null;
  }
  return compiled;
}

/** The WebAssembly kernel's factory, or null when this runtime cannot run it (the JS kernel is then used). */
export function wasmDenseKernelFactory(): DenseKernelFactory | null {
  const module = kernelModule();
  if (!module) return null;
  return (floats) => wasmDenseKernel(module, floats);
}

function wasmDenseKernel(module: WebAssembly.Module, floats: number): DenseKernel {
  // The module's static data (a few KiB at the bottom) is counted generously into the first page.
  const memory = new WebAssembly.Memory({ initial: 1 + Math.ceil((floats * 4) / PAGE_BYTES) });
  const kernel = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as KernelExports;
  // A bump allocator above the module's data: buffers live as long as the kernel, 16-byte aligned for the vector loads.
  let next = Math.ceil(kernel.dataEnd() / 16) * 16;
  if (next > PAGE_BYTES) throw new Error('The WebAssembly kernel’s static data outgrew the page reserved for it.');
  const pointer = (buf: Floats) => {
    if (!(buf instanceof Float32Array) || buf.buffer !== memory.buffer)
      throw new Error('The WebAssembly kernel was given a buffer it did not allocate (use kernel.floats).');
    return buf.byteOffset;
  };
  return {
    name: 'wasm',
    floats(length) {
      const offset = next;
      next += Math.ceil(length / 4) * 16;
      if (next > memory.buffer.byteLength)
        throw new Error(`The WebAssembly kernel's memory (${floats} floats) is too small; size it with denseFloats().`);
      return new Float32Array(memory.buffer, offset, length);
    },
    gemm(a, ai, ap, b, c, m, n, k, accumulate) {
      kernel.gemm(pointer(a), ai, ap, pointer(b), pointer(c), m, n, k, accumulate ? 1 : 0);
    },
    biasActivate(z, b, rows, units, relu) {
      kernel.biasActivate(pointer(z), pointer(b), rows, units, relu ? 1 : 0);
    },
    reluSlope(d, a, n) {
      kernel.reluSlope(pointer(d), pointer(a), n);
    },
    softmaxRows(z, rows, k) {
      kernel.softmaxRows(pointer(z), rows, k);
    },
    adam(w, g, m, v, lr, beta1, beta2, c1, c2, epsilon) {
      kernel.adam(pointer(w), pointer(g), pointer(m), pointer(v), w.length, lr, beta1, beta2, c1, c2, epsilon);
    },
  };
}
