/** Below this size the built-in sort wins: a radix pass costs ~65,536 counter slots however few values there are. */
const RADIX_THRESHOLD = 4096;
const BUCKETS = 65_536;

/**
 * The non-missing (non-NaN) values of `values`, sorted ascending, in a new
 * array. Large inputs use an LSD radix sort over the IEEE 754 bit patterns
 * (4 passes of 16 bits, skipping passes where every value shares the digit):
 * about twice as fast as `Float64Array.prototype.sort` on a million values,
 * which matters because profiling sorts every numeric column. `-0` sorts just
 * before `+0`, as the built-in sort does; `===` still treats them as equal.
 *
 * @example
 * sortValues(new Float64Array([3, NaN, -1, 2])) // Float64Array [-1, 2, 3]
 */
export function sortValues(values: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) n++;
  if (n >= RADIX_THRESHOLD) return radixSort(values, n);
  const present = new Float64Array(n);
  for (let i = 0, j = 0; i < values.length; i++) if (values[i] === values[i]) present[j++] = values[i];
  return present.sort();
}

/** Sorts the `n` non-NaN entries of `values` through order-preserving 64-bit keys. */
function radixSort(values: Float64Array, n: number): Float64Array {
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  // Little-endian word order (every platform a browser or Node runs on): word 2i is the low half.
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  const counts = new Uint32Array(4 * BUCKETS);
  for (let k = 0, i = 0; k < values.length; k++) {
    if (values[k] !== values[k]) continue;
    let h = words[2 * k + 1];
    let l = words[2 * k];
    // Negative numbers: flip every bit so larger magnitudes sort first; positives: set the sign bit.
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    hi[i] = h;
    lo[i++] = l;
    counts[l & 0xffff]++;
    counts[BUCKETS + (l >>> 16)]++;
    counts[2 * BUCKETS + (h & 0xffff)]++;
    counts[3 * BUCKETS + (h >>> 16)]++;
  }
  let hi2 = new Uint32Array(n);
  let lo2 = new Uint32Array(n);
  for (let pass = 0; pass < 4; pass++) {
    const base = pass * BUCKETS;
    if (singleBucket(counts, base)) continue;
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[base + b];
      counts[base + b] = sum;
      sum += c;
    }
    const key = pass < 2 ? lo : hi;
    const shift = (pass & 1) * 16;
    for (let i = 0; i < n; i++) {
      const j = counts[base + ((key[i] >>> shift) & 0xffff)]++;
      hi2[j] = hi[i];
      lo2[j] = lo[i];
    }
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
  }
  const out = new Float64Array(n);
  const outWords = new Uint32Array(out.buffer);
  for (let i = 0; i < n; i++) {
    let h = hi[i];
    let l = lo[i];
    if (h & 0x80000000) h = (h & 0x7fffffff) >>> 0;
    else {
      h = ~h >>> 0;
      l = ~l >>> 0;
    }
    outWords[2 * i + 1] = h;
    outWords[2 * i] = l;
  }
  return out;
}

function singleBucket(counts: Uint32Array, base: number): boolean {
  let nonEmpty = 0;
  for (let b = 0; b < BUCKETS; b++) if (counts[base + b] !== 0 && ++nonEmpty > 1) return false;
  return true;
}
