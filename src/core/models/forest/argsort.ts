/**
 * Stable argsort of finite doubles (equal values keep index order), by LSD
 * radix sort on 16-bit digits of the IEEE bits — several times faster than
 * `sort` with a comparator on 100,000 rows, which the forest does once per
 * feature. -0 sorts as +0.
 *
 * @example
 * argsortFloat64(Float64Array.from([3, -1, 2, -1])); // Int32Array [1, 3, 2, 0]
 */
export function argsortFloat64(values: Float64Array): Int32Array {
  const n = values.length;
  // Order-preserving unsigned keys: flip every bit of negatives, only the sign bit of the rest.
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  const bits = new Uint32Array(2);
  const view = new Float64Array(bits.buffer);
  const hiWord = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
  for (let i = 0; i < n; i++) {
    view[0] = values[i] + 0; // -0 + 0 is +0
    const h = bits[hiWord];
    const l = bits[1 - hiWord];
    const negative = h >>> 31 === 1;
    hi[i] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
    lo[i] = negative ? ~l >>> 0 : l;
  }
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Int32Array(n);
  const counts = new Int32Array(65537);
  for (const [words, shift] of [
    [lo, 0],
    [lo, 16],
    [hi, 0],
    [hi, 16],
  ] as const) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((words[i] >>> shift) & 0xffff) + 1]++;
    if (counts[((words[0] >>> shift) & 0xffff) + 1] === n) continue; // every key shares this digit
    for (let d = 1; d < counts.length; d++) counts[d] += counts[d - 1];
    for (let i = 0; i < n; i++) {
      const s = order[i];
      next[counts[(words[s] >>> shift) & 0xffff]++] = s;
    }
    [order, next] = [next, order];
  }
  return order;
}
