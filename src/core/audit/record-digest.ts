import { bytesToHex } from '@noble/hashes/utils.js';
import { sha256HexSync } from '../hash/sha256.ts';

/**
 * The SHA-256 (hex) of a stored record, as the audit chain binds it: the
 * canonical JSON (keys sorted) of the record, with what JSON cannot hold
 * spelled out as small tagged objects (`{"$wb":"NaN"}`, a typed array as
 * its type and bytes in hex), so a record as written and as read back (from
 * IndexedDB's structured clone or a folder's record file) give one digest.
 * An `undefined` property counts as absent, as in the folder's record files.
 * A plain object that itself has a `$wb` key is wrapped, so no data can pose
 * as a tag. Synchronous: it runs inside IndexedDB transactions.
 *
 * @example
 * recordDigest({ b: 1, a: NaN }) === recordDigest({ a: NaN, b: 1 }) // true
 */
export function recordDigest(value: unknown): string {
  return sha256HexSync(JSON.stringify(tagged(value)));
}

const TAG = '$wb';

function tagged(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (Number.isNaN(value)) return { [TAG]: 'NaN' };
      if (!Number.isFinite(value)) return { [TAG]: value > 0 ? 'Infinity' : '-Infinity' };
      return Object.is(value, -0) ? { [TAG]: '-0' } : value;
    case 'undefined':
      return { [TAG]: 'undefined' };
    case 'bigint':
      return { [TAG]: 'bigint', value: value.toString() };
    case 'object':
      break;
    default:
      // Stores refuse functions and symbols before anything is hashed.
      return { [TAG]: typeof value };
  }
  if (value === null) return null;
  if (Array.isArray(value)) return value.map(tagged);
  if (ArrayBuffer.isView(value)) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return { [TAG]: value.constructor.name, hex: bytesToHex(bytes) };
  }
  if (value instanceof ArrayBuffer) return { [TAG]: 'ArrayBuffer', hex: bytesToHex(new Uint8Array(value)) };
  if (value instanceof Date) return { [TAG]: 'Date', value: value.getTime() };
  const source = value as Record<string, unknown>;
  // A null-prototype object keeps a `__proto__` key as data; so does this one.
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(source).sort()) {
    if (source[key] !== undefined) out[key] = tagged(source[key]);
  }
  return Object.hasOwn(source, TAG) ? { [TAG]: 'object', value: out } : out;
}
