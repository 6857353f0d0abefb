import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { readParquet } from '../../../../src/core/export/parquet/read-parquet.ts';
import { writeParquet } from '../../../../src/core/export/parquet/write-parquet.ts';
import { extremeTable } from './extreme-table.ts';

async function failure(bytes: Uint8Array): Promise<{ code: string; message: string }> {
  try {
    await readParquet(bytes);
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('the file was accepted');
}

describe('Parquet files the import refuses, with a message that says what to do', () => {
  const good = writeParquet(extremeTable(), 'id', 'extreme');

  it('refuses a truncated file', async () => {
    const error = await failure(good.slice(0, Math.floor(good.length / 2)));
    expect(error.code).toBe('parquet.corrupt');
    expect(error.message).toMatch(/not a readable Parquet file.*truncated or damaged.*write it again/);
  });

  it('refuses a file whose footer is damaged', async () => {
    const bytes = good.slice();
    // The footer length sits just before the closing magic: point it past the start of the file.
    new DataView(bytes.buffer).setUint32(bytes.length - 8, bytes.length * 2, true);
    expect((await failure(bytes)).code).toBe('parquet.corrupt');
  });

  it('refuses bytes that only start like Parquet', async () => {
    const bytes = new Uint8Array(64);
    bytes.set(new TextEncoder().encode('PAR1'));
    expect((await failure(bytes)).code).toBe('parquet.corrupt');
  });

  it('refuses a column of times of day, naming it', async () => {
    const bytes = new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          { name: 'x', data: [1, 2] },
          { name: 'opens_at', data: [3_600_000, 7_200_000] },
        ],
        schema: [
          { name: 'root', num_children: 2 },
          { name: 'x', type: 'DOUBLE', repetition_type: 'OPTIONAL' },
          { name: 'opens_at', type: 'INT32', repetition_type: 'OPTIONAL', converted_type: 'TIME_MILLIS' },
        ],
      }),
    );
    const error = await failure(bytes);
    expect(error.code).toBe('parquet.unsupported_type');
    expect(error.message).toBe(
      'Column "opens_at" of the Parquet file holds a time of day, which a dataset cannot hold. Drop or flatten that column (e.g. to text or numbers) and write the file again.',
    );
  });

  it('refuses a nested list column', async () => {
    const bytes = new Uint8Array(
      parquetWriteBuffer({
        columnData: [{ name: 'tags', data: [['a', 'b'], ['c']] }],
        schema: [
          { name: 'root', num_children: 1 },
          { name: 'tags', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
          { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
          { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
        ],
      }),
    );
    const error = await failure(bytes);
    expect(error.code).toBe('parquet.unsupported_type');
    expect(error.message).toContain('"tags"');
    expect(error.message).toContain('a nested group');
  });

  it('refuses a file with no rows', async () => {
    const bytes = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'x', data: [], type: 'DOUBLE' }] }));
    const error = await failure(bytes);
    expect(error.code).toBe('interchange.empty');
    expect(error.message).toContain('at least one column and one row');
  });
});
