import { WorkbenchError } from '../../errors.ts';
import { stringTypeOf } from '../ingest/column-typer.ts';
import type { Column, DataTable } from '../types.ts';
import type { ColumnDescription } from './table-metadata.ts';

/**
 * A column as a columnar file holds it, before the workbench types it:
 * numbers (NaN = missing; timestamps in epoch milliseconds UTC, booleans
 * 0/1) or dictionary-encoded strings in first-appearance order, as the
 * canonical encoding wants them.
 */
export type FileColumn =
  | { name: string; kind: 'integer' | 'float' | 'boolean' | 'timestamp'; values: Float64Array }
  | { name: string; kind: 'string'; codes: Int32Array; dictionary: string[] };

const NATURAL = { integer: 'integer', float: 'number', boolean: 'boolean', timestamp: 'datetime' } as const;
const FITS: Record<FileColumn['kind'], readonly string[]> = {
  integer: ['integer', 'number'],
  float: ['integer', 'number', 'datetime'],
  boolean: ['boolean'],
  timestamp: ['datetime'],
  string: ['category', 'text', 'identifier'],
};

/**
 * The typed table of a Parquet or Arrow file. When the file was written by
 * the workbench (`described` from its metadata, same names and compatible
 * kinds), each column gets back its recorded type and boolean spelling, so
 * the table — and its version id — is the one exported. Otherwise each
 * column is typed as CSV ingest would type the same values: integers,
 * floats (number), booleans, timestamps (datetime), and strings as
 * category, text or identifier by the same rule.
 *
 * @throws WorkbenchError `interchange.empty`, `interchange.bad_column_names`
 */
export function typedTable(
  rowCount: number,
  columns: FileColumn[],
  described: ColumnDescription[] | null,
): { table: DataTable; typedFromMetadata: boolean } {
  if (columns.length === 0 || rowCount === 0) {
    throw new WorkbenchError(
      'interchange.empty',
      `The file has ${columns.length} column${columns.length === 1 ? '' : 's'} and ${rowCount} row${rowCount === 1 ? '' : 's'}. Choose a file with at least one column and one row of data.`,
    );
  }
  checkNames(columns.map((c) => c.name));
  const usable =
    described !== null &&
    described.length === columns.length &&
    described.every((d, i) => d.name === columns[i].name && FITS[columns[i].kind].includes(d.type));
  const typed = columns.map((file, i): Column => {
    const d = usable ? described[i] : null;
    if (file.kind === 'string') {
      const present = file.codes.reduce((n, code) => (code >= 0 ? n + 1 : n), 0);
      const type = d ? (d.type as 'category' | 'text' | 'identifier') : stringTypeOf(file.dictionary, present);
      return { name: file.name, type, codes: file.codes, dictionary: file.dictionary };
    }
    const type = d ? (d.type as 'integer' | 'number' | 'boolean' | 'datetime') : NATURAL[file.kind];
    return d?.spelling && type === 'boolean'
      ? { name: file.name, type, values: file.values, spelling: d.spelling }
      : { name: file.name, type, values: file.values };
  });
  return { table: { rowCount, columns: typed }, typedFromMetadata: usable };
}

function checkNames(names: string[]): void {
  const seen = new Set<string>();
  for (const [i, name] of names.entries()) {
    if (name.trim() === '' || seen.has(name)) {
      throw new WorkbenchError(
        'interchange.bad_column_names',
        name.trim() === ''
          ? `Column ${i + 1} of the file has no name. Give every column a name and write the file again.`
          : `Two columns of the file are named "${name}". Give every column a different name and write the file again.`,
      );
    }
    seen.add(name);
  }
}
