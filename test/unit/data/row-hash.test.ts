import { describe, expect, it } from 'vitest';
import { numeric, strings, table } from '../helpers/tables.ts';
import { rowHashes } from '../../../src/core/data/row-hash.ts';
import { WorkbenchError } from '../../../src/core/errors.ts';
import type { Column } from '../../../src/core/data/types.ts';

describe('rowHashes', () => {
  it('gives equal rows equal hashes and different rows different ones', () => {
    const h = rowHashes(table(strings('s', ['a', 'b', 'a', 'a']), numeric('n', [1, 1, 1, 2])), ['s', 'n']);
    expect(h[0]).toBe(h[2]);
    expect(new Set(h).size).toBe(3);
  });

  it('returns exact non-negative integers below 2^53', () => {
    const h = rowHashes(
      table(
        numeric(
          'n',
          Array.from({ length: 1000 }, (_, i) => i * 0.1),
        ),
      ),
      ['n'],
    );
    for (const x of h) {
      expect(Number.isSafeInteger(x)).toBe(true);
      expect(x).toBeGreaterThanOrEqual(0);
    }
  });

  it('keeps a missing cell distinct from an empty string and from zero', () => {
    const text = rowHashes(table(strings('s', [null, ''])), ['s']);
    const num = rowHashes(table(numeric('n', [null, 0])), ['n']);
    expect(text[0]).not.toBe(text[1]);
    expect(num[0]).not.toBe(num[1]);
  });

  it('hashes numbers by value: -0 equals 0, and integer 3 equals number 3', () => {
    const h = rowHashes(table(numeric('a', [-0, 0, 3], 'number'), numeric('b', [0, 0, 3], 'integer')), ['a']);
    expect(h[0]).toBe(h[1]);
    const asInteger = rowHashes(table(numeric('b', [3], 'integer')), ['b']);
    const asNumber = rowHashes(table(numeric('a', [3], 'number')), ['a']);
    expect(asInteger[0]).toBe(asNumber[0]);
  });

  it('hashes strings by text, not by dictionary code', () => {
    const one: Column = { name: 's', type: 'category', codes: new Int32Array([0, 1]), dictionary: ['x', 'y'] };
    const other: Column = { name: 's', type: 'category', codes: new Int32Array([1, 0]), dictionary: ['y', 'x'] };
    expect(Array.from(rowHashes(table(one), ['s']))).toEqual(Array.from(rowHashes(table(other), ['s'])));
  });

  it('depends on column order and on which cell a value is in', () => {
    const t = table(strings('a', ['x', 'y']), strings('b', ['y', 'x']));
    const ab = rowHashes(t, ['a', 'b']);
    const ba = rowHashes(t, ['b', 'a']);
    expect(ab[0]).not.toBe(ab[1]);
    expect(ab[0]).toBe(ba[1]);
    // Shifting text between cells changes the hash: ('ab', 'c') is not ('a', 'bc').
    const shifted = rowHashes(table(strings('a', ['ab', 'a']), strings('b', ['c', 'bc'])), ['a', 'b']);
    expect(shifted[0]).not.toBe(shifted[1]);
  });

  it('has no collisions over 300,000 rows that differ in one small integer or one bit of a float', () => {
    const n = 300_000;
    const ints = rowHashes(
      table(
        numeric(
          'i',
          Array.from({ length: n }, (_, i) => i),
          'integer',
        ),
        numeric('z', new Array(n).fill(7)),
      ),
      ['i', 'z'],
    );
    expect(new Set(ints).size).toBe(n);
    const floats = new Float64Array(n);
    const words = new Uint32Array(floats.buffer);
    for (let i = 0; i < n; i++) {
      floats[i] = 1.5;
      words[2 * i] ^= i; // neighbouring doubles: only the low mantissa bits differ
    }
    expect(
      new Set(rowHashes({ rowCount: n, columns: [{ name: 'f', type: 'number', values: floats }] }, ['f'])).size,
    ).toBe(n);
  });

  it('hashes every row alike when given no columns', () => {
    expect(Array.from(new Set(rowHashes(table(numeric('n', [1, 2, 3])), [])))).toHaveLength(1);
  });

  it('refuses an unknown column with a message naming the available ones', () => {
    expect(() => rowHashes(table(numeric('n', [1])), ['m'])).toThrow(WorkbenchError);
    expect(() => rowHashes(table(numeric('n', [1])), ['m'])).toThrow(/no column "m".*Use one of: n/);
  });
});
