import { describe, expect, it } from 'vitest';
import { readColumnDescriptions } from '../../../../src/core/data/interchange/table-metadata.ts';
import { typedTable, type FileColumn } from '../../../../src/core/data/interchange/typed-table.ts';
import { fileFormatOf } from '../../../../src/core/data/interchange/file-format.ts';

const ids: FileColumn = { name: 'id', kind: 'integer', values: Float64Array.from([1, 2]) };
const city: FileColumn = { name: 'city', kind: 'string', codes: Int32Array.from([0, 1]), dictionary: ['a', 'b'] };

describe('typing the columns of a Parquet or Arrow file', () => {
  it('uses the workbench metadata when it fits the file, and the file’s own types when it does not', () => {
    const fits = readColumnDescriptions(
      new Map([
        [
          'workbench.columns',
          JSON.stringify([
            { name: 'id', type: 'number' },
            { name: 'city', type: 'text' },
          ]),
        ],
      ]),
    );
    expect(typedTable(2, [ids, city], fits).table.columns.map((c) => c.type)).toEqual(['number', 'text']);
    // An edited file: the metadata names a column the file no longer has.
    const stale = readColumnDescriptions(
      new Map([
        [
          'workbench.columns',
          JSON.stringify([
            { name: 'id', type: 'integer' },
            { name: 'town', type: 'text' },
          ]),
        ],
      ]),
    );
    const typed = typedTable(2, [ids, city], stale);
    expect(typed.typedFromMetadata).toBe(false);
    expect(typed.table.columns.map((c) => c.type)).toEqual(['integer', 'category']);
    // Metadata that is not what the workbench writes is ignored.
    expect(readColumnDescriptions(new Map([['workbench.columns', '{not json']]))).toBeNull();
    expect(readColumnDescriptions(new Map([['workbench.columns', '[{"name":"id","type":"float"}]']]))).toBeNull();
  });

  it('refuses unnamed and repeated column names', () => {
    expect(() => typedTable(2, [ids, { ...city, name: 'id' }], null)).toThrow(
      expect.objectContaining({ code: 'interchange.bad_column_names', message: expect.stringContaining('"id"') }),
    );
    expect(() => typedTable(2, [{ ...ids, name: ' ' }], null)).toThrow(
      expect.objectContaining({ code: 'interchange.bad_column_names', message: expect.stringContaining('Column 1') }),
    );
  });

  it('tells the formats apart by their magic bytes before their names', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(fileFormatOf(text('PAR1....PAR1'), 'data.csv')).toBe('parquet');
    expect(fileFormatOf(text('ARROW1\0\0'), 'data.bin')).toBe('arrow');
    expect(fileFormatOf(Uint8Array.from([255, 255, 255, 255, 1, 0, 0, 0]), 'x')).toBe('arrow');
    expect(fileFormatOf(text('a,b\n1,2\n'), 'table.parquet')).toBe('parquet');
    expect(fileFormatOf(text('a,b\n1,2\n'), 'table.txt')).toBe('csv');
  });
});
