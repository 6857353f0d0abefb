import { WorkbenchError } from '../../errors.ts';

/** Text decoded from a file's bytes, with what the decoder had to do. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  notes: string[];
}

/** File signatures we can name, so the message can say what the file really is. */
const SIGNATURES: { magic: number[]; what: string; hint: string }[] = [
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image', hint: 'Choose a CSV file instead.' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image', hint: 'Choose a CSV file instead.' },
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document', hint: 'Export the table as CSV first.' },
  {
    magic: [0x50, 0x4b, 0x03, 0x04],
    what: 'a ZIP archive (an Excel .xlsx workbook is one)',
    hint: 'Open it and save the sheet as CSV (UTF-8) first.',
  },
  { magic: [0x1f, 0x8b], what: 'a gzip-compressed file', hint: 'Decompress it first.' },
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0],
    what: 'an old Office document (.xls)',
    hint: 'Open it and save the sheet as CSV (UTF-8) first.',
  },
  { magic: [0x50, 0x41, 0x52, 0x31], what: 'a Parquet file', hint: 'Convert it to CSV first.' },
];

/**
 * Decodes CSV bytes to text, refusing what is not text. UTF-8 is the norm and
 * is validated strictly (a silently replaced byte would change the data);
 * UTF-16 is recognised by its byte-order mark or by the zero bytes of ASCII
 * text and decoded. A leading BOM is removed.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) {
    throw new WorkbenchError(
      'csv.empty',
      'The file is empty. Choose a CSV file with a header row and at least one data row.',
    );
  }
  for (const { magic, what, hint } of SIGNATURES) {
    if (magic.every((b, i) => bytes[i] === b)) {
      throw new WorkbenchError('csv.binary', `This is ${what}, not CSV text. ${hint}`);
    }
  }
  const utf16 = detectUtf16(bytes);
  if (utf16) {
    const text = new TextDecoder(utf16.encoding, { fatal: false }).decode(bytes.subarray(utf16.bomLength));
    return {
      text,
      encoding: utf16.encoding,
      notes: [`Decoded from ${utf16.encoding.toUpperCase()}${utf16.bomLength ? ' (byte-order mark)' : ''}.`],
    };
  }
  if (hasNulByte(bytes)) {
    throw new WorkbenchError(
      'csv.binary',
      'This file contains binary data (zero bytes), not CSV text. Choose a CSV file.',
    );
  }
  const notes: string[] = [];
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    start = 3;
    notes.push('Removed the UTF-8 byte-order mark.');
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
    return { text, encoding: 'utf-8', notes };
  } catch (cause) {
    const offset = firstInvalidUtf8(bytes, start);
    const line = lineOf(bytes, offset);
    throw new WorkbenchError(
      'csv.invalid_utf8',
      `The file is not valid UTF-8 text: the byte at offset ${offset} (line ${line}) is 0x${bytes[offset].toString(16).toUpperCase()}. ` +
        'It was probably saved as Latin-1 or Windows-1252; save it again as "CSV UTF-8" and load it again.',
      { cause },
    );
  }
}

function detectUtf16(bytes: Uint8Array): { encoding: 'utf-16le' | 'utf-16be'; bomLength: number } | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  // Without a BOM, ASCII-range UTF-16 text has a zero in every other byte.
  const n = Math.min(bytes.length & ~1, 512);
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.1) return { encoding: 'utf-16le', bomLength: 0 };
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.1) return { encoding: 'utf-16be', bomLength: 0 };
  return null;
}

function hasNulByte(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

/** Offset of the first byte that breaks UTF-8 (only called once decoding failed). */
function firstInvalidUtf8(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i];
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return Math.max(from, bytes.length - 1);
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
