import { parquetWriteBuffer } from 'hyparquet-writer';
import { tableMetadata } from '../../data/interchange/table-metadata.ts';
import type { DataTable } from '../../data/types.ts';
import { WorkbenchError } from '../../errors.ts';
import { parquetColumn } from './parquet-columns.ts';

/**
 * Writes a dataset version's table as one Parquet file (Snappy-compressed,
 * row groups of up to 100,000 rows) with the column types the workbench
 * inferred (see parquet-columns.ts), and the version id, name and each
 * column's workbench type in the file's key-value metadata, so
 * {@link readParquet} rebuilds the same table and the same id.
 *
 * @throws WorkbenchError `parquet.write_failed` when the writer refuses the data
 * @example
 * const bytes = writeParquet(table, version.id, version.name);
 */
export function writeParquet(table: DataTable, versionId: string, versionName: string): Uint8Array {
  const columns = table.columns.map((c) => parquetColumn(c, table.rowCount));
  const metadata = tableMetadata(table, versionId, versionName);
  try {
    const buffer = parquetWriteBuffer({
      columnData: columns.map((c) => ({
        name: c.element.name,
        data: c.data,
        ...(c.dictionary ? { encoding: 'RLE_DICTIONARY' as const } : {}),
      })),
      schema: [{ name: 'root', num_children: columns.length }, ...columns.map((c) => c.element)],
      rowGroupSize: 100_000,
      kvMetadata: Object.entries(metadata).map(([key, value]) => ({ key, value })),
      createdBy: 'MLOps Workbench',
    });
    return new Uint8Array(buffer);
  } catch (cause) {
    throw new WorkbenchError(
      'parquet.write_failed',
      `The Parquet writer refused the table (${cause instanceof Error ? cause.message : String(cause)}). Export the version as CSV or Arrow instead, and report the problem.`,
      { cause },
    );
  }
}
