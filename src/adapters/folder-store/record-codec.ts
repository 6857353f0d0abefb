/**
 * Records as JSON text that reads back exactly what IndexedDB's structured
 * clone would give: plain JSON loses NaN, ±Infinity, −0, `undefined` in
 * arrays and typed arrays, so those are written as small tagged objects
 * (`{"$wb": "NaN"}`, `{"$wb": "Float64Array", "base64": "…"}`). A plain
 * object that itself has a `$wb` key is wrapped, so no data is misread as a
 * tag. What structured clone would refuse (functions, symbols) is refused
 * with a `DataCloneError`, like IndexedDB does.
 */

const TAG = '$wb';

const TYPED_ARRAYS = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
} as const;
type TypedArrayName = keyof typeof TYPED_ARRAYS;

/**
 * A value as JSON text (pretty-printed: records are small and people read them).
 * @throws DOMException-like `DataCloneError` naming the path of what cannot be stored.
 */
export function encodeRecord(value: unknown): string {
  return JSON.stringify(toTagged(value, '$', new Set()), null, 1);
}

/** Reads text written by {@link encodeRecord}. */
export function decodeRecord(text: string): unknown {
  return fromTagged(JSON.parse(text));
}

function toTagged(value: unknown, path: string, seen: Set<object>): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (Number.isNaN(value)) return { [TAG]: 'NaN' };
      if (value === Infinity) return { [TAG]: 'Infinity' };
      if (value === -Infinity) return { [TAG]: '-Infinity' };
      return Object.is(value, -0) ? { [TAG]: '-0' } : value;
    case 'undefined':
      return { [TAG]: 'undefined' };
    case 'bigint':
      return { [TAG]: 'bigint', value: value.toString() };
    case 'object':
      break;
    default:
      throw cloneError(`${path} is a ${typeof value}`);
  }
  if (value === null) return null;
  if (seen.has(value)) throw cloneError(`${path} refers back to itself`);
  seen.add(value);
  try {
    if (Array.isArray(value)) return Array.from(value, (v, i) => toTagged(v, `${path}[${i}]`, seen));
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const name = value.constructor.name as TypedArrayName;
      if (!(name in TYPED_ARRAYS)) throw cloneError(`${path} is a ${name}`);
      return { [TAG]: name, base64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
    }
    if (value instanceof ArrayBuffer) return { [TAG]: 'ArrayBuffer', base64: Buffer.from(value).toString('base64') };
    if (value instanceof Date) return { [TAG]: 'Date', value: value.getTime() };
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null)
      throw cloneError(`${path} is a ${value.constructor?.name ?? 'class instance'}`);
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      // Structured clone keeps an undefined property; reading it back as absent is equal for every consumer.
      if (v !== undefined) setOwn(out, key, toTagged(v, `${path}.${key}`, seen));
    }
    return Object.hasOwn(out, TAG) ? { [TAG]: 'object', value: out } : out;
  } finally {
    seen.delete(value);
  }
}

function fromTagged(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(fromTagged);
  const obj = value as Record<string, unknown>;
  if (!Object.hasOwn(obj, TAG)) return mapValues(obj);
  const tag = obj[TAG];
  switch (tag) {
    case 'NaN':
      return NaN;
    case 'Infinity':
      return Infinity;
    case '-Infinity':
      return -Infinity;
    case '-0':
      return -0;
    case 'undefined':
      return undefined;
    case 'bigint':
      return BigInt(obj.value as string);
    case 'Date':
      return new Date(obj.value as number);
    case 'object':
      return mapValues(obj.value as Record<string, unknown>);
    case 'ArrayBuffer':
      return copyBytes(obj.base64 as string).buffer;
    default: {
      const Ctor = TYPED_ARRAYS[tag as TypedArrayName];
      if (!Ctor) throw new SyntaxError(`unknown tag ${JSON.stringify(tag)}`);
      const bytes = copyBytes(obj.base64 as string);
      return new Ctor(bytes.buffer as ArrayBuffer, 0, bytes.byteLength / Ctor.BYTES_PER_ELEMENT);
    }
  }
}

function mapValues(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(obj)) setOwn(out, key, fromTagged(v));
  return out;
}

/** Decoded bytes in a buffer of their own (aligned for any typed array). */
function copyBytes(base64: string): Uint8Array {
  const decoded = Buffer.from(base64, 'base64');
  const own = new Uint8Array(decoded.byteLength);
  own.set(decoded);
  return own;
}

/** Sets a property as data, so a key named `__proto__` stays a key instead of changing the prototype. */
function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

function cloneError(why: string): Error {
  const error = new Error(`${why}, which cannot be stored`);
  error.name = 'DataCloneError';
  return error;
}
