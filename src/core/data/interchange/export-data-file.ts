import { writeArrow } from '../../export/arrow/write-arrow.ts';
import { writeParquet } from '../../export/parquet/write-parquet.ts';
import { toCsv } from '../ingest/write-csv.ts';
import { cellText, type DataTable } from '../types.ts';
import type { DataFileFormat } from './file-format.ts';

/** File extension and media type of each export format. */
export const DATA_FILE_TYPES: Record<DataFileFormat, { extension: string; mediaType: string }> = {
  csv: { extension: 'csv', mediaType: 'text/csv' },
  parquet: { extension: 'parquet', mediaType: 'application/vnd.apache.parquet' },
  arrow: { extension: 'arrow', mediaType: 'application/vnd.apache.arrow.file' },
};

/**
 * A dataset version's table as a file of `format`. Parquet and Arrow carry
 * the column types and the version id in their metadata; CSV is the text
 * every tool reads (cells as the app shows them).
 *
 * @example
 * exportDataFile(table, { id: version.id, name: version.name }, 'parquet')
 */
export function exportDataFile(
  table: DataTable,
  version: { id: string; name: string },
  format: DataFileFormat,
): Uint8Array {
  if (format === 'parquet') return writeParquet(table, version.id, version.name);
  if (format === 'arrow') return writeArrow(table, version.id, version.name);
  const rows: string[][] = [];
  for (let r = 0; r < table.rowCount; r++) rows.push(table.columns.map((c) => cellText(c, r)));
  return new TextEncoder().encode(
    toCsv(
      table.columns.map((c) => c.name),
      rows,
    ),
  );
}
