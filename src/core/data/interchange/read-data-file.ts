import { readArrow } from '../../export/arrow/read-arrow.ts';
import { readParquet } from '../../export/parquet/read-parquet.ts';
import { keyedRecord } from '../../keyed-record.ts';
import { draftFromCsv, type Draft } from '../draft.ts';
import { parseCsv } from '../ingest/parse-csv.ts';
import { guessRoles } from '../profile/roles.ts';
import type { DataTable } from '../types.ts';
import { fileFormatOf, type DataFileFormat } from './file-format.ts';

/**
 * Reads a data file of any supported format (CSV, Parquet, Arrow IPC) into a
 * draft, as loading a CSV does: the same data gives the same table, so the
 * same dataset version id, whichever format it came in.
 *
 * @throws WorkbenchError `csv.*`, `parquet.*`, `arrow.*` or `interchange.*`
 */
export async function readDataFile(
  bytes: Uint8Array,
  fileName: string,
): Promise<{ draft: Draft; format: DataFileFormat }> {
  const format = fileFormatOf(bytes, fileName);
  if (format === 'csv') return { draft: draftFromCsv(parseCsv(bytes), fileName, bytes.byteLength), format };
  const read = format === 'parquet' ? await readParquet(bytes) : readArrow(bytes);
  const label = format === 'parquet' ? 'Parquet' : 'Arrow IPC';
  const notes = [
    `Read as ${label}: ${read.table.rowCount.toLocaleString('en')} rows × ${read.table.columns.length} columns.`,
    read.typedFromMetadata
      ? 'Column types from the workbench metadata in the file.'
      : `Column types from the file's ${label} types.`,
  ];
  return { draft: draftFromTable(read.table, fileName, bytes.byteLength, notes), format };
}

/** A draft of a table read from a columnar file, with guessed roles. */
export function draftFromTable(table: DataTable, fileName: string, sizeBytes: number, notes: string[]): Draft {
  return {
    table,
    inferredTypes: keyedRecord(table.columns.map((c) => [c.name, c.type])),
    roles: guessRoles(table),
    sourceName: fileName,
    source: { fileName, sizeBytes },
    parentId: null,
    notes,
  };
}
