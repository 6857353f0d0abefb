import { parquetMetadata, parquetRead, type FileMetaData, type ParquetParsers } from 'hyparquet';
import { readColumnDescriptions, METADATA_VERSION_ID } from '../../data/interchange/table-metadata.ts';
import { typedTable, type FileColumn } from '../../data/interchange/typed-table.ts';
import { encodeStrings } from '../../data/string-column.ts';
import type { DataTable } from '../../data/types.ts';
import { WorkbenchError } from '../../errors.ts';
import { parquetKind } from './parquet-kind.ts';

/** What a Parquet file held: the typed table and what its metadata claimed. */
export interface ReadParquet {
  table: DataTable;
  /** The version id the file's metadata names (written by the workbench), else null. */
  versionIdInFile: string | null;
  /** True when the columns got their types from the workbench's own metadata. */
  typedFromMetadata: boolean;
}

/** Timestamps as epoch milliseconds (numbers), not Dates; JSON kept as its text. */
const PARSERS: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (v: bigint) => Number(v),
  timestampFromMicroseconds: (v: bigint) => Number(v) / 1e3,
  timestampFromNanoseconds: (v: bigint) => Number(v) / 1e6,
  dateFromDays: (days: number) => days * 86_400_000,
  jsonFromBytes: (bytes: Uint8Array) => new TextDecoder().decode(bytes),
};

/**
 * Reads a Parquet file (hyparquet) into the workbench's typed table: flat
 * columns only, strings dictionary-encoded in first-appearance order, so the
 * table hashes to the same version id as the same data loaded from CSV (or
 * as the version it was exported from, whose column types it carries).
 *
 * @throws WorkbenchError `parquet.corrupt`, `parquet.unsupported_type`, `interchange.*`
 */
export async function readParquet(bytes: Uint8Array): Promise<ReadParquet> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const metadata = readMetadata(buffer);
  const rowCount = Number(metadata.num_rows);
  const topLevel = topLevelElements(metadata);
  const kinds = topLevel.map((element) => {
    const kind = parquetKind(element);
    if (typeof kind === 'object') {
      throw new WorkbenchError(
        'parquet.unsupported_type',
        `Column "${element.name}" of the Parquet file holds ${kind.unsupported}, which a dataset cannot hold. Drop or flatten that column (e.g. to text or numbers) and write the file again.`,
      );
    }
    return kind;
  });
  const numbers = kinds.map((k) => (k === 'string' ? null : new Float64Array(rowCount).fill(NaN)));
  const strings = kinds.map((k) => (k === 'string' ? new Array<string | null>(rowCount).fill(null) : null));
  const index = new Map(topLevel.map((e, i) => [e.name, i]));
  try {
    await parquetRead({
      file: buffer,
      metadata,
      parsers: PARSERS,
      onChunk: ({ columnName, columnData, rowStart }) => {
        const c = index.get(columnName)!;
        const target = numbers[c];
        const text = strings[c];
        for (let i = 0; i < columnData.length; i++) {
          const v: unknown = columnData[i];
          if (v === null || v === undefined) continue;
          if (text) text[rowStart + i] = String(v);
          else if (target) target[rowStart + i] = typeof v === 'boolean' ? (v ? 1 : 0) : Number(v);
        }
      },
    });
  } catch (cause) {
    throw corrupt(cause instanceof Error ? cause.message : String(cause), cause);
  }
  const columns: FileColumn[] = topLevel.map((element, i) => {
    const text = strings[i];
    if (text) return { name: element.name, kind: 'string', ...encodeStrings(rowCount, (r) => text[r]) };
    return { name: element.name, kind: kinds[i] as Exclude<FileColumn['kind'], 'string'>, values: numbers[i]! };
  });
  const kv = new Map((metadata.key_value_metadata ?? []).map((e) => [e.key, e.value ?? '']));
  const { table, typedFromMetadata } = typedTable(rowCount, columns, readColumnDescriptions(kv));
  return { table, versionIdInFile: kv.get(METADATA_VERSION_ID) ?? null, typedFromMetadata };
}

function readMetadata(buffer: ArrayBuffer): FileMetaData {
  try {
    return parquetMetadata(buffer);
  } catch (cause) {
    throw corrupt(cause instanceof Error ? cause.message : String(cause), cause);
  }
}

/** The root's direct children, walking past the elements of nested groups. */
function topLevelElements(metadata: FileMetaData): FileMetaData['schema'] {
  const out: FileMetaData['schema'] = [];
  const schema = metadata.schema;
  let i = 1;
  const skip = (at: number): number => {
    const children = schema[at]?.num_children ?? 0;
    let next = at + 1;
    for (let c = 0; c < children; c++) next = skip(next);
    return next;
  };
  const count = schema[0]?.num_children ?? 0;
  for (let c = 0; c < count && i < schema.length; c++) {
    out.push(schema[i]);
    i = skip(i);
  }
  return out;
}

function corrupt(why: string, cause?: unknown): WorkbenchError {
  return new WorkbenchError(
    'parquet.corrupt',
    `The file is not a readable Parquet file (${why}). It may be truncated or damaged: write it again from its source, or export the data as CSV and load that.`,
    { cause },
  );
}
