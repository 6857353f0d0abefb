import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { defaultModelSpec } from '../../../../src/core/models/catalogue.ts';
import type { MlpSpec } from '../../../../src/core/models/mlp/mlp-spec.ts';
import { trainMlp, type MlpData } from '../../../../src/core/models/mlp/train-mlp.ts';
import { jsDenseKernel } from '../../../../src/core/models/mlp/dense-gemm.ts';
import type { DenseKernel, Floats } from '../../../../src/core/models/mlp/dense-kernel.ts';
import { wasmDenseKernelFactory } from '../../../../src/core/models/mlp/dense-wasm.ts';
import { seededRng } from '../../../../src/core/random/rng.ts';

/**
 * The WebAssembly SIMD kernel against the JS one, operation by operation,
 * on shapes that hit every block and tail of its loops (4 × 8 blocks, a
 * 4-wide column block, single columns, single rows).
 */
const wasm = () => wasmDenseKernelFactory()!(1 << 16);
const js = () => jsDenseKernel();

/** `values` in a buffer of `kernel`'s. */
function on(kernel: DenseKernel, values: number[]): Floats {
  const buf = kernel.floats(values.length);
  buf.set(values);
  return buf;
}

function randoms(n: number, seed: number, spread = 1): number[] {
  const rng = seededRng(seed);
  return Array.from({ length: n }, () => (rng() - 0.5) * 2 * spread);
}

/** The largest difference relative to the larger values' scale. */
function relativeError(ours: Floats, theirs: Floats): number {
  const scale = Math.max(1e-6, ...Array.from(theirs, Math.abs));
  return Math.max(0, ...Array.from(ours, (v, i) => Math.abs(v - theirs[i]) / scale));
}

describe('the WebAssembly SIMD dense kernel', () => {
  it('loads in this runtime (Node 20 has WebAssembly SIMD)', () => {
    expect(wasm().name).toBe('wasm');
  });

  const shapes = [
    [1, 1, 1],
    [4, 8, 3],
    [5, 13, 7],
    [7, 26, 64],
    [200, 64, 16],
    [16, 64, 200],
    [3, 2, 9],
  ];
  it.each(shapes)(
    'multiplies as the JS kernel does (m %i, n %i, k %i), in both layouts, set and accumulate',
    (m, n, k) => {
      for (const [ai, ap] of [
        [k, 1],
        [1, m],
      ]) {
        for (const accumulate of [false, true]) {
          const results = [wasm(), js()].map((kernel) => {
            const a = on(kernel, randoms(m * k, 1));
            const b = on(kernel, randoms(k * n, 2));
            const c = on(kernel, randoms(m * n, 3));
            kernel.gemm(a, ai, ap, b, c, m, n, k, accumulate);
            return c;
          });
          expect(relativeError(results[0], results[1])).toBeLessThan(1e-5);
        }
      }
      // Against the definition, for the row-major case.
      const a = randoms(m * k, 1);
      const b = randoms(k * n, 2);
      const c = wasm();
      const out = c.floats(m * n);
      c.gemm(on(c, a), k, 1, on(c, b), out, m, n, k, false);
      const expected = Float64Array.from({ length: m * n }, (_, x) => {
        const i = Math.floor(x / n);
        const j = x % n;
        let s = 0;
        for (let p = 0; p < k; p++) s += a[i * k + p] * b[p * n + j];
        return s;
      });
      expect(relativeError(out, expected)).toBeLessThan(1e-5);
    },
  );

  it('adds the bias and applies ReLU (zero for negatives and NaN), and masks by ReLU’s slope', () => {
    const rows = 3;
    const units = 7;
    const z = randoms(rows * units, 4, 3);
    z[5] = NaN;
    const results = [wasm(), js()].map((kernel) => {
      const relu = on(kernel, z);
      const linear = on(kernel, z);
      const b = on(kernel, randoms(units, 5));
      kernel.biasActivate(relu, b, rows, units, true);
      kernel.biasActivate(linear, b, rows, units, false);
      const d = on(kernel, randoms(rows * units, 6));
      kernel.reluSlope(d, relu, rows * units);
      return { relu: Array.from(relu), linear: Array.from(linear), d: Array.from(d) };
    });
    const [ours, theirs] = results;
    expect(ours.relu[5]).toBe(0);
    expect(ours.relu.filter((v) => v < 0)).toEqual([]);
    ours.relu.forEach((v, i) => expect(v).toBeCloseTo(theirs.relu[i], 6));
    expect(Number.isNaN(ours.linear[5])).toBe(true);
    ours.linear.forEach((v, i) => i !== 5 && expect(v).toBeCloseTo(theirs.linear[i], 6));
    ours.d.forEach((v, i) => expect(v).toBeCloseTo(theirs.d[i], 6));
    expect(ours.d.filter((v, i) => ours.relu[i] === 0 && v !== 0)).toEqual([]);
  });

  it('takes the softmax of each row as the JS kernel does', () => {
    const rows = 5;
    const k = 26;
    const z = randoms(rows * k, 7, 20);
    const [ours, theirs] = [wasm(), js()].map((kernel) => {
      const buf = on(kernel, z);
      kernel.softmaxRows(buf, rows, k);
      return buf;
    });
    expect(relativeError(ours, theirs)).toBeLessThan(1e-5);
    for (let r = 0; r < rows; r++)
      expect(Array.from(ours.subarray(r * k, (r + 1) * k)).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
  });

  it('takes Adam steps as the JS kernel does', () => {
    const n = 11;
    const [ours, theirs] = [wasm(), js()].map((kernel) => {
      const w = on(kernel, randoms(n, 8));
      const m = kernel.floats(n);
      const v = kernel.floats(n);
      for (let t = 1; t <= 3; t++) {
        const g = on(kernel, randoms(n, 8 + t));
        kernel.adam(w, g, m, v, 0.01, 0.9, 0.999, 1 - 0.9 ** t, 1 - 0.999 ** t, 1e-7);
      }
      return w;
    });
    expect(relativeError(ours, theirs)).toBeLessThan(1e-5);
  });

  it('refuses a buffer it did not allocate', () => {
    const kernel = wasm();
    const c = kernel.floats(1);
    expect(() => kernel.gemm(new Float32Array(1), 1, 1, c, c, 1, 1, 1, false)).toThrow(/did not allocate/);
  });

  it('trains the default network as the JS kernel does, epoch by epoch (26 classes, 16 features)', async () => {
    await tf.setBackend('cpu');
    // Big enough that the buffers cover the module's static data, had the allocator not started above it.
    const rng = seededRng(1);
    const rows = 2_000;
    const width = 16;
    const x = Float64Array.from({ length: rows * width }, () => rng() * 2 - 1);
    const y = Int32Array.from(
      { length: rows },
      (_, r) => (x[r * width] > 0 ? 1 : 0) + 2 * (x[r * width + 1] > 0 ? 1 : 0) + (r % 3 ? 0 : 4),
    );
    const data: MlpData = { task: 'classification', x, rows, width, y, classCount: 26 };
    const spec: MlpSpec = { ...(defaultModelSpec('mlp') as MlpSpec), epochs: 6 };
    const [ours, theirs] = await Promise.all(
      (['typed', 'typed-js'] as const).map((trainer) => trainMlp(tf, data, spec, seededRng(3), undefined, trainer)),
    );
    expect(ours.history).toHaveLength(6);
    expect(ours.history[5].accuracy).toBeGreaterThan(0.5);
    ours.history.forEach((epoch, i) => {
      expect(epoch.loss).toBeCloseTo(theirs.history[i].loss, 3);
      expect(Math.abs(epoch.accuracy! - theirs.history[i].accuracy!)).toBeLessThanOrEqual(2 / rows);
    });
  });
});
