import { tableFromIPC, Type, type DataType, type Table } from '@uwdata/flechette';
import { METADATA_VERSION_ID, readColumnDescriptions } from '../../data/interchange/table-metadata.ts';
import { typedTable, type FileColumn } from '../../data/interchange/typed-table.ts';
import { encodeStrings } from '../../data/string-column.ts';
import type { DataTable } from '../../data/types.ts';
import { WorkbenchError } from '../../errors.ts';

/** What an Arrow IPC file held: the typed table and what its metadata claimed. */
export interface ReadArrow {
  table: DataTable;
  versionIdInFile: string | null;
  typedFromMetadata: boolean;
}

/**
 * Reads an Arrow IPC file or stream (flechette) into the workbench's typed
 * table, with the same typing rules as Parquet (see typed-table.ts).
 *
 * @throws WorkbenchError `arrow.corrupt`, `arrow.unsupported_type`, `interchange.*`
 */
export function readArrow(bytes: Uint8Array): ReadArrow {
  let arrow: Table;
  try {
    arrow = tableFromIPC(bytes, { useBigInt: true });
  } catch (cause) {
    throw new WorkbenchError(
      'arrow.corrupt',
      `The file is not a readable Arrow IPC file (${cause instanceof Error ? cause.message : String(cause)}). It may be truncated or damaged: write it again from its source, or export the data as CSV and load that.`,
      { cause },
    );
  }
  const rowCount = arrow.numRows;
  const columns = arrow.schema.fields.map((field, i): FileColumn => {
    const kind = arrowKind(field.type);
    if (typeof kind === 'object') {
      throw new WorkbenchError(
        'arrow.unsupported_type',
        `Column "${field.name}" of the Arrow file holds ${kind.unsupported}, which a dataset cannot hold. Drop or flatten that column and write the file again.`,
      );
    }
    const values = arrow.getChildAt(i)!.toArray() as ArrayLike<unknown>;
    if (kind === 'string') {
      return {
        name: field.name,
        kind,
        ...encodeStrings(rowCount, (r) => (values[r] == null ? null : String(values[r]))),
      };
    }
    const numbers = new Float64Array(rowCount);
    for (let r = 0; r < rowCount; r++) {
      const v = values[r];
      numbers[r] = v == null ? NaN : typeof v === 'boolean' ? (v ? 1 : 0) : Number(v);
    }
    return { name: field.name, kind, values: numbers };
  });
  const metadata = arrow.schema.metadata ?? new Map<string, string>();
  const { table, typedFromMetadata } = typedTable(rowCount, columns, readColumnDescriptions(metadata));
  return { table, versionIdInFile: metadata.get(METADATA_VERSION_ID) ?? null, typedFromMetadata };
}

function arrowKind(type: DataType): FileColumn['kind'] | { unsupported: string } {
  switch (type.typeId) {
    case Type.Int:
      return 'integer';
    case Type.Float:
    case Type.Decimal:
      return 'float';
    case Type.Bool:
      return 'boolean';
    case Type.Timestamp:
    case Type.Date:
      return 'timestamp';
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Utf8View:
      return 'string';
    case Type.Dictionary:
      return arrowKind(type.dictionary) === 'string' ? 'string' : { unsupported: 'a dictionary of non-text values' };
    default:
      return { unsupported: `the Arrow type ${typeName(type.typeId)}` };
  }
}

function typeName(id: number): string {
  return Object.entries(Type).find(([, v]) => v === id)?.[0] ?? String(id);
}
