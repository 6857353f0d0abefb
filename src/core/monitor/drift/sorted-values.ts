/**
 * The finite values of a numeric column, sorted ascending, as a new
 * Float64Array. Missing (NaN) and infinite cells are left out, as Evidently
 * drops them before testing.
 *
 * Sorting is the drift report's main cost (two sorts per numeric column), so
 * large samples use an LSD radix sort over the IEEE 754 bits: four 16-bit
 * passes, linear time, about four times faster than `Float64Array#sort` on
 * a million values (bench/drift), with the same order (−0 and 0 compare
 * equal everywhere the sorted values are used). Measured alternatives that
 * were no faster here: 8-, 11- and 13-bit digits, and a bucket sort on the
 * value range.
 */
export function sortedFiniteValues(values: Float64Array): Float64Array {
  if (values.length >= RADIX_FROM) return radixSortFinite(values);
  let count = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) count++;
  const out = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) out[k++] = v;
  }
  return out.sort();
}

const RADIX_FROM = 4096;
const PASSES = 4;
const BUCKETS = 1 << 16;

/**
 * The finite values of `values`, sorted ascending. Each double is mapped to
 * an unsigned key that sorts like the number (flip the sign bit of
 * positives, every bit of negatives; words are little-endian) while it is
 * copied and counted, and mapped back by the last pass that moves it: the
 * data is read five times, where copying, keying, counting and mapping back
 * separately read it nine times.
 */
function radixSortFinite(values: Float64Array): Float64Array {
  const buffer = new Float64Array(values.length);
  const keys = new Uint32Array(buffer.buffer);
  const counts = new Uint32Array(BUCKETS * PASSES);
  let n = 0;
  let first = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v - v !== 0) continue; // NaN or ±Infinity
    if (n === 0) first = v;
    buffer[n] = v;
    let lo = keys[2 * n];
    let hi = keys[2 * n + 1];
    if (hi & 0x80000000) {
      lo = ~lo;
      hi = ~hi;
      keys[2 * n] = lo;
    } else {
      hi ^= 0x80000000;
    }
    keys[2 * n + 1] = hi;
    counts[lo & 0xffff]++;
    counts[BUCKETS + (lo >>> 16)]++;
    counts[2 * BUCKETS + (hi & 0xffff)]++;
    counts[3 * BUCKETS + (hi >>> 16)]++;
    n++;
  }
  // Prefix sums; a pass where every key has the same digit moves nothing.
  const moves: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    const base = pass * BUCKETS;
    let sum = 0;
    let uniform = false;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[base + b];
      if (c === n) uniform = true;
      counts[base + b] = sum;
      sum += c;
    }
    if (!uniform) moves.push(pass);
  }
  let src = keys;
  let dst = new Uint32Array(n * 2);
  for (let m = 0; m < moves.length; m++) {
    const pass = moves[m];
    const base = pass * BUCKETS;
    const word = pass >> 1;
    const shift = (pass & 1) * 16;
    const last = m === moves.length - 1;
    for (let i = 0; i < n; i++) {
      let lo = src[2 * i];
      let hi = src[2 * i + 1];
      const at = 2 * counts[base + (((word ? hi : lo) >>> shift) & 0xffff)]++;
      if (last) {
        if (hi & 0x80000000) {
          hi ^= 0x80000000;
        } else {
          lo = ~lo;
          hi = ~hi;
        }
      }
      dst[at] = lo;
      dst[at + 1] = hi;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (moves.length === 0) return new Float64Array(n).fill(first); // every value bitwise equal
  return new Float64Array(src.buffer, src.byteOffset, n);
}
