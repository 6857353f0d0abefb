import { describe, expect, it } from 'vitest';
import { decodeTable, encodeTable } from '../../../src/core/data/versions/canonical-encoding.ts';
import type { DataTable } from '../../../src/core/data/types.ts';

const table = (): DataTable => ({
  rowCount: 3,
  columns: [
    { name: 'x', type: 'number', values: new Float64Array([1.5, NaN, -0]) },
    { name: 'größe', type: 'category', codes: new Int32Array([0, -1, 1]), dictionary: ['a', 'ü"b'] },
    { name: 'when', type: 'datetime', values: new Float64Array([0, 1e12, NaN]) },
  ],
});

describe('canonical table encoding', () => {
  it('round-trips names, types, values and missing cells', () => {
    const back = decodeTable(encodeTable(table()));
    expect(back.rowCount).toBe(3);
    expect(back.columns.map((c) => [c.name, c.type])).toEqual([
      ['x', 'number'],
      ['größe', 'category'],
      ['when', 'datetime'],
    ]);
    expect(Array.from((back.columns[0] as { values: Float64Array }).values)).toEqual([1.5, NaN, 0]);
    expect(back.columns[1]).toMatchObject({ dictionary: ['a', 'ü"b'] });
    expect(Array.from((back.columns[1] as { codes: Int32Array }).codes)).toEqual([0, -1, 1]);
  });

  it('writes every NaN payload and −0 the same way, so equal data gives equal bytes', () => {
    const a = table();
    const b = table();
    const oddNaN = new Float64Array(new Uint32Array([1, 0x7ff00001]).buffer)[0];
    (b.columns[0] as { values: Float64Array }).values.set([1.5, oddNaN, 0]);
    expect(encodeTable(a)).toEqual(encodeTable(b));
  });

  it('refuses damaged bytes with a message that says how to recover', () => {
    const bytes = encodeTable(table());
    expect(() => decodeTable(bytes.subarray(0, bytes.length - 9))).toThrow(/damaged.*Load the original file again/);
    expect(() => decodeTable(new Uint8Array(20))).toThrow(/unknown format/);
  });
});
