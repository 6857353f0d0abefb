import { describe, expect, it } from 'vitest';
import { printable, renderTable, terminalSafeJson } from '../../../src/cli/text-table.ts';

describe('printable', () => {
  it('escapes a right-to-left override so the terminal shows the text in file order', () => {
    expect(printable('invoice\u202Efdp.exe')).toBe('invoice\\u202efdp.exe');
  });

  it('escapes every bidi control, zero-width character and the BOM, and leaves ordinary text alone', () => {
    const hidden = '\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff';
    expect(printable(hidden)).toBe(
      [...hidden].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
    );
    expect(printable('Zoë, José, שלום, 東京 – ok')).toBe('Zoë, José, שלום, 東京 – ok');
  });
});

describe('terminalSafeJson', () => {
  it('escapes C1, bidi and invisible characters and still parses to the same value', () => {
    const value = { name: 'a\u202Eb\u0085c\u200bd' };
    const json = terminalSafeJson(JSON.stringify(value, null, 2));
    expect(json).toBe('{\n  "name": "a\\u202eb\\u0085c\\u200bd"\n}');
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('renderTable', () => {
  it('lays out 200,000 rows (a spread of that many widths into Math.max overflows the stack)', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`r${i}`, String(i)]);
    const lines = renderTable(['row', 'n'], rows, [false, true]).split('\n');
    expect(lines).toHaveLength(200_001);
    expect(lines[0]).toBe(`row${' '.repeat(11)}n`);
    expect(lines[200_000]).toBe('r199999  199999');
  });
});
