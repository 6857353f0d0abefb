import { WorkbenchError } from '../errors.ts';
import { isNumericColumn, type Column, type DataTable } from './types.ts';

/**
 * A 53-bit non-cryptographic hash of each row over `columnNames` (in that
 * order), as exact integers in a Float64Array so hashes can be compared with
 * `===` and used as Set/Map keys. Rows with equal cells get equal hashes.
 *
 * Canonical cell values: numbers by value (`-0` = `0`; integer 1 = number 1),
 * strings by their text, and a missing cell as its own value, different from
 * `''` and from `0`. Two 32-bit lanes with different mixing functions
 * (MurmurHash3's and xxHash32's rounds) absorb each cell as two 32-bit words
 * (a float's IEEE 754 bits, or a string's precomputed 64-bit hash), then are
 * finalised and folded into 53 bits.
 *
 * Collision odds: for n distinct rows, P(any two share a hash) ≈ n² / 2^54:
 * about 6e-5 for a million rows and 6e-3 for ten million. A collision makes
 * two different rows look equal (one duplicate too many, or a changed row
 * counted as unchanged); never the reverse. Hashes depend on the platform's
 * byte order, so they are for in-memory comparison only: do not store them.
 *
 * @example
 * const h = rowHashes(table, ['sex', 'age']);
 * new Set(h).size // distinct (sex, age) pairs
 */
export function rowHashes(table: DataTable, columnNames: string[]): Float64Array {
  const n = table.rowCount;
  const a = new Int32Array(n).fill(SEED_A);
  const b = new Int32Array(n).fill(SEED_B);
  for (const name of columnNames) {
    const column = table.columns.find((c) => c.name === name);
    if (!column) {
      throw new WorkbenchError(
        'data.unknown_column',
        `There is no column "${name}" to hash. Use one of: ${table.columns.map((c) => c.name).join(', ')}.`,
      );
    }
    absorbColumn(column, n, a, b);
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = fmix32(a[i] ^ Math.imul(b[i], 0x9e3779b1));
    const y = fmix32(b[i] ^ x);
    out[i] = (y & 0x1fffff) * 4294967296 + (x >>> 0);
  }
  return out;
}

const SEED_A = 0x243f6a88;
const SEED_B = 0x13198a2e | 0;
/** Words fed for a missing cell: the bits of a canonical NaN, which no value can have (NaN always means missing). */
const MISSING_HI = 0x7ff80000;
const MISSING_LO = 0x00000001;

function absorbColumn(column: Column, n: number, a: Int32Array, b: Int32Array): void {
  if (isNumericColumn(column)) {
    const values = column.values;
    const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      let lo: number;
      let hi: number;
      if (v !== v) {
        lo = MISSING_LO;
        hi = MISSING_HI;
      } else if (v === 0) {
        lo = 0;
        hi = 0;
      } else {
        lo = words[2 * i];
        hi = words[2 * i + 1];
      }
      a[i] = roundA(roundA(a[i], lo), hi);
      b[i] = roundB(roundB(b[i], lo), hi);
    }
    return;
  }
  const { codes, dictionary } = column;
  // Hash each distinct string once; rows then absorb its 64-bit digest.
  const textA = new Int32Array(dictionary.length);
  const textB = new Int32Array(dictionary.length);
  for (let c = 0; c < dictionary.length; c++) {
    const s = dictionary[c];
    let x = SEED_B ^ s.length;
    let y = SEED_A ^ s.length;
    for (let k = 0; k < s.length; k++) {
      const unit = s.charCodeAt(k);
      x = roundA(x, unit);
      y = roundB(y, unit);
    }
    textA[c] = fmix32(x ^ Math.imul(y, 0x85ebca6b));
    textB[c] = fmix32(y ^ textA[c]);
  }
  for (let i = 0; i < n; i++) {
    const code = codes[i];
    const lo = code < 0 ? MISSING_LO : textA[code];
    const hi = code < 0 ? MISSING_HI : textB[code];
    a[i] = roundA(roundA(a[i], lo), hi);
    b[i] = roundB(roundB(b[i], lo), hi);
  }
}

/** MurmurHash3 x86_32 block round. */
function roundA(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** xxHash32 accumulator round. */
function roundB(h: number, k: number): number {
  h = (h + Math.imul(k, 0x85ebca77)) | 0;
  h = (h << 13) | (h >>> 19);
  return Math.imul(h, 0x9e3779b1);
}

/** MurmurHash3's finaliser: every input bit affects every output bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
