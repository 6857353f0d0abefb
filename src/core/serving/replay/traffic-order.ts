import { isNumericColumn, type DataTable } from '../../data/types.ts';
import { WorkbenchError } from '../../errors.ts';

/**
 * The order requests are replayed in: by a timestamp column (oldest first;
 * equal times and missing times keep file order, missing ones last), or
 * file order when there is none.
 *
 * @throws WorkbenchError `serving.bad-timestamp` when the column is absent or not a date/number
 */
export function trafficOrder(table: DataTable, timestamp: string | null): Int32Array {
  const order = Int32Array.from({ length: table.rowCount }, (_, i) => i);
  if (timestamp === null) return order;
  const column = table.columns.find((c) => c.name === timestamp);
  if (!column || !isNumericColumn(column)) {
    throw new WorkbenchError(
      'serving.bad_timestamp',
      column
        ? `Column "${timestamp}" holds ${column.type} values, not times. Order by a datetime or numeric column, or leave the timestamp out to replay in file order.`
        : `The traffic has no column "${timestamp}". Name its timestamp column, or leave it out to replay in file order.`,
    );
  }
  const t = column.values;
  const key = (r: number) => (Number.isNaN(t[r]) ? Infinity : t[r]);
  return order.sort((a, b) => key(a) - key(b) || a - b);
}
