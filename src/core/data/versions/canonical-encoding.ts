import { WorkbenchError } from '../../errors.ts';
import {
  booleanText,
  COLUMN_TYPES,
  isNumericColumn,
  isNumericType,
  type BooleanSpelling,
  type Column,
  type DataTable,
} from '../types.ts';

/**
 * The canonical binary encoding of a typed table — what a dataset version's
 * id hashes and what the blob store keeps. It depends only on the column
 * names, types and cell values in row order, never on how the CSV was
 * written (line endings, quoting, delimiter, encoding, BOM), so the same
 * data always encodes to the same bytes.
 *
 * Layout (all integers little-endian):
 *   "MLWBTBL1"                         8-byte magic and format version
 *   u32 columnCount, u32 rowCount
 *   per column: u32 nameLength, name (UTF-8), u8 type (index in COLUMN_TYPES)
 *   zero padding to a multiple of 8, then per column, in order:
 *     number/integer/boolean/datetime: rowCount × f64; every missing cell is
 *       the quiet NaN 0x7FF8000000000000 and −0 is written as +0;
 *     category/text/identifier: u32 dictionarySize, then per entry u32 length
 *       + UTF-8 bytes, in first-appearance order; zero padding to a multiple
 *       of 4; rowCount × i32 codes (−1 = missing); zero padding to 8.
 *
 * A boolean column read as `yes`/`no` (or any spelling other than
 * `true`/`false`) shows different values to the user, so it must get a
 * different id: such tables use the magic "MLWBTBL2", where every boolean
 * column's header adds u32 length + UTF-8 true text, u32 length + UTF-8
 * false text after its type byte. Tables without such a column still encode
 * as "MLWBTBL1", byte for byte as before, so every saved id stays valid.
 */
const MAGIC = 'MLWBTBL1';
const MAGIC_SPELLED = 'MLWBTBL2';
const CANONICAL_NAN_HIGH = 0x7ff80000;

if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
  throw new Error('canonical-encoding assumes a little-endian platform');
}

const utf8 = new TextEncoder();

/** Encodes a table canonically (see the layout above). */
export function encodeTable(table: DataTable): Uint8Array {
  const names = table.columns.map((c) => utf8.encode(c.name));
  const spelled = table.columns.some((c) => isNumericColumn(c) && c.type === 'boolean' && c.spelling);
  // Spellings of boolean columns (v2 only), encoded once.
  const spellings = table.columns.map((c) =>
    spelled && c.type === 'boolean' && isNumericColumn(c)
      ? [utf8.encode(booleanText(c, 1)), utf8.encode(booleanText(c, 0))]
      : null,
  );
  const dictionaries = table.columns.map((c) =>
    isNumericType(c.type) ? null : (c as { dictionary: string[] }).dictionary.map((v) => utf8.encode(v)),
  );
  let size = 16;
  for (const n of names) size += 5 + n.length;
  for (const sp of spellings) if (sp) size += 8 + sp[0].length + sp[1].length;
  size = align(size, 8);
  const { rowCount } = table;
  for (const dict of dictionaries) {
    if (!dict) size += 8 * rowCount;
    else {
      size += 4;
      for (const entry of dict) size += 4 + entry.length;
      size = align(align(size, 4) + 4 * rowCount, 8);
    }
  }

  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  const magic = spelled ? MAGIC_SPELLED : MAGIC;
  for (let i = 0; i < magic.length; i++) bytes[i] = magic.charCodeAt(i);
  view.setUint32(8, table.columns.length, true);
  view.setUint32(12, rowCount, true);
  let at = 16;
  table.columns.forEach((column, i) => {
    view.setUint32(at, names[i].length, true);
    bytes.set(names[i], at + 4);
    at += 4 + names[i].length;
    bytes[at++] = COLUMN_TYPES.indexOf(column.type);
    for (const word of spellings[i] ?? []) {
      view.setUint32(at, word.length, true);
      bytes.set(word, at + 4);
      at += 4 + word.length;
    }
  });
  at = align(at, 8);
  table.columns.forEach((column, i) => {
    const dict = dictionaries[i];
    if (!dict) {
      const values = new Float64Array(bytes.buffer, at, rowCount);
      values.set((column as { values: Float64Array }).values);
      const words = new Uint32Array(bytes.buffer, at, rowCount * 2);
      for (let r = 0; r < rowCount; r++) {
        const v = values[r];
        if (v !== v) {
          words[2 * r] = 0;
          words[2 * r + 1] = CANONICAL_NAN_HIGH;
        } else if (v === 0) values[r] = 0; // −0 → +0
      }
      at += 8 * rowCount;
    } else {
      view.setUint32(at, dict.length, true);
      at += 4;
      for (const entry of dict) {
        view.setUint32(at, entry.length, true);
        bytes.set(entry, at + 4);
        at += 4 + entry.length;
      }
      at = align(at, 4);
      new Int32Array(bytes.buffer, at, rowCount).set((column as { codes: Int32Array }).codes);
      at = align(at + 4 * rowCount, 8);
    }
  });
  return bytes;
}

/**
 * Decodes bytes written by {@link encodeTable}.
 * @throws WorkbenchError `dataset.corrupt` when the bytes are not such an encoding.
 */
export function decodeTable(bytes: Uint8Array): DataTable {
  const corrupt = (why: string) =>
    new WorkbenchError(
      'dataset.corrupt',
      `The stored dataset is damaged (${why}). Load the original file again to restore it.`,
    );
  const magic = bytes.length < 16 ? '' : String.fromCharCode(...bytes.subarray(0, 8));
  if (magic !== MAGIC && magic !== MAGIC_SPELLED) throw corrupt('unknown format');
  // Copy so that the typed-array views below are aligned and own their memory.
  const own = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const view = new DataView(own.buffer, own.byteOffset, own.byteLength);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const columnCount = view.getUint32(8, true);
  const rowCount = view.getUint32(12, true);
  let at = 16;
  const heads: { name: string; type: (typeof COLUMN_TYPES)[number]; spelling?: BooleanSpelling }[] = [];
  const readText = () => {
    const length = view.getUint32(at, true);
    const text = decoder.decode(own.subarray(at + 4, at + 4 + length));
    at += 4 + length;
    return text;
  };
  try {
    for (let i = 0; i < columnCount; i++) {
      const name = readText();
      const type = COLUMN_TYPES[own[at++]];
      if (!type) throw corrupt(`bad type tag in column ${i + 1}`);
      if (magic === MAGIC_SPELLED && type === 'boolean') {
        const spelling = { true: readText(), false: readText() };
        heads.push(spelling.true === 'true' && spelling.false === 'false' ? { name, type } : { name, type, spelling });
      } else heads.push({ name, type });
    }
    at = align(at, 8);
    const columns: Column[] = heads.map(({ name, type, spelling }) => {
      if (isNumericType(type)) {
        const values = new Float64Array(own.buffer.slice(own.byteOffset + at, own.byteOffset + at + 8 * rowCount));
        at += 8 * rowCount;
        return spelling ? { name, type, values, spelling } : { name, type, values };
      }
      const size = view.getUint32(at, true);
      at += 4;
      const dictionary: string[] = new Array(size);
      for (let d = 0; d < size; d++) {
        const length = view.getUint32(at, true);
        dictionary[d] = decoder.decode(own.subarray(at + 4, at + 4 + length));
        at += 4 + length;
      }
      at = align(at, 4);
      const codes = new Int32Array(own.buffer.slice(own.byteOffset + at, own.byteOffset + at + 4 * rowCount));
      if (codes.length !== rowCount) throw corrupt('truncated');
      at = align(at + 4 * rowCount, 8);
      return { name, type, codes, dictionary };
    });
    if (at !== own.length) throw corrupt('unexpected length');
    return { rowCount, columns };
  } catch (error) {
    if (error instanceof WorkbenchError) throw error;
    throw corrupt('truncated');
  }
}

function align(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}
