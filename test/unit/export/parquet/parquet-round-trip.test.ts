import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { datasetId } from '../../../../src/core/data/versions/dataset-id.ts';
import type { DataTable } from '../../../../src/core/data/types.ts';
import { readParquet } from '../../../../src/core/export/parquet/read-parquet.ts';
import { writeParquet } from '../../../../src/core/export/parquet/write-parquet.ts';
import { numeric, strings, table } from '../../helpers/tables.ts';
import { extremeTable } from './extreme-table.ts';

/** Every column's name, type, spelling and cells, with NaN and −0 compared as the canonical encoding does. */
function cells(t: DataTable) {
  return t.columns.map((c) => ({
    name: c.name,
    type: c.type,
    spelling: 'spelling' in c ? c.spelling : undefined,
    cells:
      'values' in c
        ? Array.from(c.values, (v) => (Number.isNaN(v) ? null : v === 0 ? 0 : v))
        : Array.from(c.codes, (code) => (code < 0 ? null : c.dictionary[code])),
  }));
}

describe('Parquet export and import', () => {
  it('keeps every value, type and spelling of a table, and its version id', async () => {
    const original = extremeTable();
    const id = await datasetId(original);
    const bytes = writeParquet(original, id, 'extreme');
    const back = await readParquet(bytes);
    expect(back.typedFromMetadata).toBe(true);
    expect(back.versionIdInFile).toBe(id);
    expect(cells(back.table)).toEqual(cells(original));
    expect(await datasetId(back.table)).toBe(id);
  });

  it('writes the inferred types as Parquet types, strings dictionary-encoded, timestamps adjusted to UTC', () => {
    const bytes = writeParquet(extremeTable(), 'id-1', 'extreme');
    const metadata = parquetMetadata(bytes.buffer as ArrayBuffer);
    const types = Object.fromEntries(
      metadata.schema.slice(1).map((e) => [e.name, [e.type, e.logical_type?.type ?? null].join(' ')]),
    );
    expect(types).toEqual({
      int: 'INT64 ',
      huge_int: 'DOUBLE ', // 1e21 does not fit INT64
      float: 'DOUBLE ',
      flag: 'BOOLEAN ',
      answer: 'BOOLEAN ',
      when: 'INT64 TIMESTAMP',
      city: 'BYTE_ARRAY STRING',
      note: 'BYTE_ARRAY STRING',
      key: 'BYTE_ARRAY STRING',
    });
    const when = metadata.schema.find((e) => e.name === 'when')!;
    expect(when.logical_type).toEqual({ type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' });
    const city = metadata.row_groups[0].columns[6].meta_data!;
    expect(city.encodings).toContain('RLE_DICTIONARY');
    expect(city.dictionary_page_offset).toBeDefined();
    const kv = Object.fromEntries((metadata.key_value_metadata ?? []).map((e) => [e.key, e.value]));
    expect(kv['workbench.dataset_version_id']).toBe('id-1');
    expect(kv['workbench.dataset_version_name']).toBe('extreme');
  });

  it('is read by hyparquet as plain rows with the same values', async () => {
    const bytes = writeParquet(extremeTable(), 'id', 'extreme');
    const rows = await parquetReadObjects({ file: bytes.buffer as ArrayBuffer });
    expect(rows[0]).toMatchObject({ int: 1n, flag: true, answer: true, city: 'Zürich', key: 'k1' });
    expect((rows[0].when as Date).toISOString()).toBe('2024-01-15T08:30:00.123Z');
    expect(rows[2]).toMatchObject({ int: null, float: null, flag: null, when: null, city: null, note: null });
    expect(rows[4].float).toBe(Infinity);
    expect(rows[1].float).toBe(5e-324);
  });

  it('reads tables that span several row groups', async () => {
    const n = 150_000; // row groups of 100,000
    const t = table(
      numeric(
        'i',
        Array.from({ length: n }, (_, r) => (r % 97 === 0 ? null : r)),
        'integer',
      ),
      strings(
        's',
        Array.from({ length: n }, (_, r) => (r % 89 === 0 ? null : `v${r % 1000}`)),
      ),
    );
    const id = await datasetId(t);
    const back = await readParquet(writeParquet(t, id, 'big'));
    expect(back.table.rowCount).toBe(n);
    expect(await datasetId(back.table)).toBe(id);
  }, 60_000);
});
