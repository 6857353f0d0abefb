import { isNumericColumn, type Column } from '../../data/types.ts';
import type { OnlineValue } from '../definitions/feature-types.ts';

/**
 * A cell as the online store keeps it and serving returns it: a number
 * (datetimes in ms), a string, or null when missing. Training rows are read
 * through the same function when the two are compared.
 */
export function onlineValue(column: Column, row: number): OnlineValue {
  if (isNumericColumn(column)) {
    const v = column.values[row];
    return Number.isNaN(v) ? null : v;
  }
  const code = column.codes[row];
  return code < 0 ? null : column.dictionary[code];
}
