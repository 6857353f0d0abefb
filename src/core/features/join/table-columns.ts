import { WorkbenchError } from '../../errors.ts';
import { isNumericColumn, type Column, type DataTable } from '../../data/types.ts';

/**
 * The column called `name`, or an error naming the columns the table has.
 *
 * @param what which table, for the message ("the entity table")
 * @throws WorkbenchError `features.no_column`
 */
export function columnNamed(table: DataTable, name: string, what: string): Column {
  const column = table.columns.find((c) => c.name === name);
  if (column) return column;
  const names = table.columns.map((c) => c.name).join(', ');
  throw new WorkbenchError(
    'features.no_column',
    `${what} has no column "${name}". Its columns are: ${names}. Name one of them (names are case-sensitive).`,
  );
}

/**
 * A time column's values in ms since the epoch (datetimes) or as numbers.
 *
 * @throws WorkbenchError `features.no_column`, `features.bad_timestamp`
 */
export function timeValues(table: DataTable, name: string, what: string): Float64Array {
  const column = columnNamed(table, name, what);
  if (isNumericColumn(column) && column.type !== 'boolean') return column.values;
  throw new WorkbenchError(
    'features.bad_timestamp',
    `Column "${name}" of ${what} holds ${column.type} values, not times. Give a column of ISO 8601 datetimes (2024-01-15T09:30:00Z) or numbers.`,
  );
}
