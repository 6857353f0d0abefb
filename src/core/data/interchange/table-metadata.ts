import { COLUMN_TYPES, isNumericColumn, type BooleanSpelling, type ColumnType, type DataTable } from '../types.ts';

/**
 * What a Parquet or Arrow file written by the workbench says about itself in
 * its key-value metadata: the dataset version id and each column's
 * workbench type (category, text and identifier are all strings in the
 * file; a boolean keeps its spelling), so that importing the file rebuilds
 * exactly the table that was exported, and so its id.
 */
export const METADATA_VERSION_ID = 'workbench.dataset_version_id';
export const METADATA_VERSION_NAME = 'workbench.dataset_version_name';
export const METADATA_COLUMNS = 'workbench.columns';

/** One column as the metadata records it. */
export interface ColumnDescription {
  name: string;
  type: ColumnType;
  spelling?: BooleanSpelling;
}

/**
 * The key-value pairs a file of `table` carries.
 *
 * @example
 * tableMetadata(table, 'ab12…', 'churn')['workbench.dataset_version_id'] // 'ab12…'
 */
export function tableMetadata(table: DataTable, versionId: string, versionName: string): Record<string, string> {
  const columns: ColumnDescription[] = table.columns.map((c) =>
    isNumericColumn(c) && c.spelling
      ? { name: c.name, type: c.type, spelling: c.spelling }
      : { name: c.name, type: c.type },
  );
  return {
    [METADATA_VERSION_ID]: versionId,
    [METADATA_VERSION_NAME]: versionName,
    [METADATA_COLUMNS]: JSON.stringify(columns),
  };
}

/**
 * The column descriptions in a file's metadata, or null when there are none
 * or they are not well formed (a file from elsewhere, or edited): the
 * importer then types the columns from the file's own types.
 */
export function readColumnDescriptions(metadata: ReadonlyMap<string, string>): ColumnDescription[] | null {
  const text = metadata.get(METADATA_COLUMNS);
  if (text === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const out: ColumnDescription[] = [];
  for (const entry of parsed as unknown[]) {
    if (typeof entry !== 'object' || entry === null) return null;
    const { name, type, spelling } = entry as Record<string, unknown>;
    if (typeof name !== 'string' || !(COLUMN_TYPES as readonly unknown[]).includes(type)) return null;
    const description: ColumnDescription = { name, type: type as ColumnType };
    if (spelling !== undefined) {
      const s = spelling as Record<string, unknown> | null;
      if (typeof s?.true !== 'string' || typeof s.false !== 'string' || s.true === s.false) return null;
      description.spelling = { true: s.true, false: s.false };
    }
    out.push(description);
  }
  return out;
}
