import {
  Bool,
  Dictionary,
  Float64,
  Int32,
  Int64,
  List,
  Field,
  tableFromArrays,
  tableFromIPC,
  tableToIPC,
  TimestampMillisecond,
  Utf8,
  vectorFromArray,
  Table,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../src/core/data/ingest/parse-csv.ts';
import { datasetId } from '../../../../src/core/data/versions/dataset-id.ts';
import { readArrow } from '../../../../src/core/export/arrow/read-arrow.ts';
import { writeArrow } from '../../../../src/core/export/arrow/write-arrow.ts';
import { extremeTable } from '../parquet/extreme-table.ts';

describe('Arrow IPC export and import (flechette), checked with apache-arrow', () => {
  it('keeps every value, type and spelling, and the version id', async () => {
    const original = extremeTable();
    const id = await datasetId(original);
    const back = readArrow(writeArrow(original, id, 'extreme'));
    expect(back.typedFromMetadata).toBe(true);
    expect(back.versionIdInFile).toBe(id);
    expect(back.table.columns.map((c) => c.type)).toEqual(original.columns.map((c) => c.type));
    expect(await datasetId(back.table)).toBe(id);
  });

  it('writes a file the reference implementation reads with the inferred types, UTC timestamps and dictionaries', () => {
    const bytes = writeArrow(extremeTable(), 'id-7', 'extreme');
    const reference = tableFromIPC(bytes);
    const types = Object.fromEntries(reference.schema.fields.map((f) => [f.name, String(f.type)]));
    expect(types).toEqual({
      int: 'Int64',
      huge_int: 'Float64',
      float: 'Float64',
      flag: 'Bool',
      answer: 'Bool',
      when: 'Timestamp<MILLISECOND, UTC>',
      city: 'Dictionary<Int32, Utf8>',
      note: 'Dictionary<Int32, Utf8>',
      key: 'Dictionary<Int32, Utf8>',
    });
    expect(reference.schema.metadata.get('workbench.dataset_version_id')).toBe('id-7');
    const row = (r: number) => reference.get(r)!.toJSON();
    expect(row(0)).toMatchObject({ int: 1n, flag: true, answer: true, city: 'Zürich', key: 'k1' });
    expect(row(0).when).toBe(Date.UTC(2024, 0, 15, 8, 30, 0, 123));
    expect(row(2)).toMatchObject({ int: null, float: null, when: null, city: null });
    expect(row(3).int).toBe(2n ** 53n);
    expect(row(4)).toMatchObject({ float: Infinity, city: '😀 café', note: 'nul\u0000char' });
    expect(row(0).float).toBe(1.7976931348623157e308);
  });

  it('reads a file apache-arrow wrote as the same version as the CSV of the same data', async () => {
    const csv =
      'n,x,ok,at,city\n1,0.5,true,2024-03-01T10:00:00Z,Lima\n2,,false,,Quito\n,1.25,true,2024-03-02T10:00:00Z,Lima\n';
    const csvId = await datasetId(parseCsv(new TextEncoder().encode(csv)).table);
    const foreign = new Table({
      n: vectorFromArray([1, 2, null], new Int32()),
      x: vectorFromArray([0.5, null, 1.25], new Float64()),
      ok: vectorFromArray([true, false, true], new Bool()),
      at: vectorFromArray([Date.UTC(2024, 2, 1, 10), null, Date.UTC(2024, 2, 2, 10)], new TimestampMillisecond('UTC')),
      city: vectorFromArray(['Lima', 'Quito', 'Lima'], new Dictionary(new Utf8(), new Int32())),
    });
    const back = readArrow(tableToIPC(foreign, 'file'));
    expect(back.typedFromMetadata).toBe(false);
    expect(back.table.columns.map((c) => c.type)).toEqual(['integer', 'number', 'boolean', 'datetime', 'category']);
    expect(await datasetId(back.table)).toBe(csvId);
    // The stream format too.
    expect(await datasetId(readArrow(tableToIPC(foreign, 'stream')).table)).toBe(csvId);
  });

  it('refuses a list column and a damaged file with clear messages', () => {
    const withList = tableFromArrays({ id: Int32Array.from([1, 2]) });
    const listType = new List(new Field('item', new Int64(), true));
    const table = new Table({ id: withList.getChild('id')!, tags: vectorFromArray([[1n], [2n, 3n]], listType) });
    expect(() => readArrow(tableToIPC(table, 'file'))).toThrow(
      expect.objectContaining({ code: 'arrow.unsupported_type', message: expect.stringContaining('Column "tags"') }),
    );
    const good = writeArrow(extremeTable(), 'id', 'x');
    expect(() => readArrow(good.slice(0, 120))).toThrow(expect.objectContaining({ code: 'arrow.corrupt' }));
  });
});
