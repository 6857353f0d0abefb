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
  const utf32 = detectUtf32(bytes);
  if (utf32) {
    throw new WorkbenchError(
      'csv.unsupported_encoding',
      `This file is UTF-32 text (${utf32}), which the workbench does not read. Save it again as UTF-8 ("CSV UTF-8") and load it again.`,
    );
  }
  const utf16 = detectUtf16(bytes);
  if (utf16) return decodeUtf16(bytes, utf16.encoding, utf16.bomLength);
  // The whole file, not just its start: a zero byte is never CSV text (memchr-fast).
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new WorkbenchError(
      'csv.binary',
      `This file contains binary data (a zero byte at offset ${nul}, line ${lineOf(bytes, nul)}), not CSV text. Choose a CSV file, or remove the binary part if it was pasted in by mistake.`,
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
    const b = bytes[offset];
    const surrogate = b === 0xed && bytes[offset + 1] >= 0xa0 && bytes[offset + 1] <= 0xbf;
    throw new WorkbenchError(
      'csv.invalid_utf8',
      `The file is not valid UTF-8 text: the byte at offset ${offset} (line ${line}) is 0x${b.toString(16).toUpperCase()}. ` +
        (surrogate
          ? 'It starts half of a UTF-16 surrogate pair (CESU-8 or Java\'s "modified UTF-8"); save the file again as standard UTF-8 and load it again.'
          : 'It was probably saved as Latin-1 or Windows-1252; save it again as "CSV UTF-8" and load it again.'),
      { cause, details: { offset, line } },
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

/**
 * UTF-16 decoded strictly: a lone surrogate (half of a character) is refused
 * with its position instead of silently becoming U+FFFD, and so is an odd
 * byte count (a cut-off last character).
 */
function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', bomLength: number): DecodedText {
  const name = encoding.toUpperCase();
  const body = bytes.length - bomLength;
  if (body % 2 !== 0) {
    throw new WorkbenchError(
      'csv.invalid_utf16',
      `The file looks like ${name} text but has an odd number of bytes (${bytes.length}), so its last character is cut off: it was truncated, or it is not ${name}. Save it again as UTF-8 ("CSV UTF-8") and load it again.`,
    );
  }
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(bomLength));
    return { text, encoding, notes: [`Decoded from ${name}${bomLength ? ' (byte-order mark)' : ''}.`] };
  } catch (cause) {
    const bigEndian = encoding === 'utf-16be';
    const at = firstLoneSurrogate(bytes, bomLength, bigEndian);
    const unit = codeUnit(bytes, at, bigEndian);
    throw new WorkbenchError(
      'csv.invalid_utf16',
      `The ${name} text is damaged: the code unit 0x${unit.toString(16).toUpperCase()} at byte offset ${at} (line ${utf16LineOf(bytes, bomLength, at, bigEndian)}) is half of a character (a lone surrogate). Fix or remove that character, or save the file again as UTF-8 ("CSV UTF-8"), and load it again.`,
      { cause, details: { offset: at } },
    );
  }
}

function codeUnit(bytes: Uint8Array, at: number, bigEndian: boolean): number {
  return bigEndian ? (bytes[at] << 8) | bytes[at + 1] : bytes[at] | (bytes[at + 1] << 8);
}

/** Byte offset of the first unpaired surrogate code unit (only called once strict decoding failed). */
function firstLoneSurrogate(bytes: Uint8Array, from: number, bigEndian: boolean): number {
  for (let i = from; i + 1 < bytes.length; i += 2) {
    const c = codeUnit(bytes, i, bigEndian);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 3 < bytes.length) {
      const next = codeUnit(bytes, i + 2, bigEndian);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 2;
        continue;
      }
    }
    return i;
  }
  return from;
}

function utf16LineOf(bytes: Uint8Array, from: number, at: number, bigEndian: boolean): number {
  let line = 1;
  for (let i = from; i < at; i += 2) if (codeUnit(bytes, i, bigEndian) === 0x0a) line++;
  return line;
}

/** UTF-32 by its byte-order mark, or by the three zero bytes of each ASCII-range character. */
function detectUtf32(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0)
    return 'little-endian, with a byte-order mark';
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)
    return 'big-endian, with a byte-order mark';
  const n = Math.min(bytes.length & ~3, 1024);
  if (n < 8) return null;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros[i & 3]++;
  const quads = n / 4;
  const mostly = (k: number) => zeros[k] > quads * 0.9;
  if (zeros[0] < quads * 0.1 && mostly(1) && mostly(2) && mostly(3)) return 'little-endian';
  if (zeros[3] < quads * 0.1 && mostly(0) && mostly(1) && mostly(2)) return 'big-endian';
  return null;
}

/**
 * Offset of the first byte that breaks UTF-8 (only called once decoding
 * failed), by the same rules as TextDecoder: overlong forms, UTF-16
 * surrogates (ED A0–BF) and code points above U+10FFFF are invalid too, so
 * the offset is where the decoder really stopped.
 */
function firstInvalidUtf8(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (i + k >= bytes.length || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
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
