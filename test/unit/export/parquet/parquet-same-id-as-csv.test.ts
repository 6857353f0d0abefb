import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../src/core/data/ingest/parse-csv.ts';
import { readDataFile } from '../../../../src/core/data/interchange/read-data-file.ts';
import { datasetId } from '../../../../src/core/data/versions/dataset-id.ts';
import { writeParquet } from '../../../../src/core/export/parquet/write-parquet.ts';

const CSV = [
  'id,amount,active,opened,city,comment',
  '1,2.5,true,2024-01-01T00:00:00Z,Paris,first visit',
  '2,,false,2024-02-29T12:00:00Z,Oslo,',
  ',-0.75,true,,Paris,back again',
  '4,1e-7,,1999-12-31T23:59:59Z,,a longer note that reads like a sentence',
].join('\n');

describe('a Parquet file holds the same dataset version as the CSV of the same data', () => {
  it('gets the CSV id when written by another tool, with no workbench metadata', async () => {
    const csvId = await datasetId(parseCsv(new TextEncoder().encode(CSV)).table);
    // As pandas or Spark would write it: natural Parquet types, plain-encoded strings.
    const foreign = parquetWriteBuffer({
      columnData: [
        { name: 'id', data: [1, 2, null, 4], type: 'INT32' },
        { name: 'amount', data: [2.5, null, -0.75, 1e-7], type: 'DOUBLE' },
        { name: 'active', data: [true, false, true, null], type: 'BOOLEAN' },
        {
          name: 'opened',
          data: [
            new Date('2024-01-01T00:00:00Z'),
            new Date('2024-02-29T12:00:00Z'),
            null,
            new Date('1999-12-31T23:59:59Z'),
          ],
          type: 'TIMESTAMP',
        },
        { name: 'city', data: ['Paris', 'Oslo', 'Paris', null], type: 'STRING', encoding: 'PLAIN' },
        {
          name: 'comment',
          data: ['first visit', null, 'back again', 'a longer note that reads like a sentence'],
          type: 'STRING',
        },
      ],
    });
    const { draft, format } = await readDataFile(new Uint8Array(foreign), 'visits.parquet');
    expect(format).toBe('parquet');
    expect(draft.table.columns.map((c) => c.type)).toEqual([
      'integer',
      'number',
      'boolean',
      'datetime',
      'category',
      'text',
    ]);
    expect(await datasetId(draft.table)).toBe(csvId);
  });

  it('gets the CSV id back when the workbench exported it (yes/no booleans and all)', async () => {
    const csv = 'name,member,score\nAda,Yes,3\nBo,No,\nCy,Yes,5\n';
    const parsed = parseCsv(new TextEncoder().encode(csv)).table;
    const id = await datasetId(parsed);
    const { draft } = await readDataFile(writeParquet(parsed, id, 'members'), 'members.bin');
    expect(await datasetId(draft.table)).toBe(id);
    expect(draft.table.columns[1]).toMatchObject({ type: 'boolean', spelling: { true: 'Yes', false: 'No' } });
  });
});
