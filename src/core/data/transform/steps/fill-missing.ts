import { WorkbenchError } from '../../../errors.ts';
import { encodeStrings } from '../../string-column.ts';
import { isNumericColumn, type Column, type NumericColumn, type StringColumn } from '../../types.ts';
import type { FillMethod } from '../recipe.ts';
import type { Stage } from '../stage.ts';
import { readFillValue } from './fill-value.ts';

/**
 * Fills the missing cells of one column: with a value, or with the mean,
 * median or mode (most frequent value; on a tie the smallest number, or the
 * text seen first) of its present cells. An integer column filled with a
 * fractional mean or median becomes a number column.
 */
export function fillMissing(stage: Stage, name: string, method: FillMethod, text = ''): Stage {
  const at = stage.table.columns.findIndex((c) => c.name === name);
  const column = stage.table.columns[at];
  const filled = isNumericColumn(column) ? fillNumeric(column, method, text) : fillText(column, method, text);
  const columns = stage.table.columns.slice();
  columns[at] = filled;
  const schema = stage.schema.map((c) => (c.name === name ? { ...c, type: filled.type } : c));
  return { table: { rowCount: stage.table.rowCount, columns }, schema };
}

function fillNumeric(column: NumericColumn, method: FillMethod, text: string): NumericColumn {
  const present = Array.from(column.values).filter((v) => !Number.isNaN(v));
  let fill: number;
  if (method === 'value') {
    const read = readFillValue(text, column.type);
    if (!read.ok)
      throw new WorkbenchError('transform.invalid', `${read.message}. Change the fill value of ${column.name}.`);
    fill = read.value as number;
  } else {
    if (present.length === 0) throw noValues(column.name, method);
    fill = method === 'mean' ? mean(present) : method === 'median' ? median(present) : numericMode(present);
  }
  const values = Float64Array.from(column.values, (v) => (Number.isNaN(v) ? fill : v));
  const type = column.type === 'integer' && !Number.isInteger(fill) ? 'number' : column.type;
  return { ...column, type, values };
}

function fillText(column: StringColumn, method: FillMethod, text: string): StringColumn {
  let fill: string;
  if (method === 'value') fill = text;
  else {
    const counts = new Int32Array(column.dictionary.length);
    for (const code of column.codes) if (code >= 0) counts[code]++;
    let best = -1;
    // The dictionary is in first-appearance order, so a strict > keeps the first on a tie.
    for (let code = 0; code < counts.length; code++)
      if (counts[code] > 0 && (best < 0 || counts[code] > counts[best])) best = code;
    if (best < 0) throw noValues(column.name, method);
    fill = column.dictionary[best];
  }
  const { codes, dictionary } = column;
  return { ...column, ...encodeStrings(codes.length, (r) => (codes[r] < 0 ? fill : dictionary[codes[r]])) };
}

const noValues = (name: string, method: FillMethod) =>
  new WorkbenchError(
    'transform.invalid',
    `The column ${name} has no values to take the ${method} of. Fill it with a value instead.`,
  );

function mean(values: number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

function median(values: number[]): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function numericMode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = NaN;
  let bestCount = 0;
  for (const [v, n] of counts) if (n > bestCount || (n === bestCount && v < best)) [best, bestCount] = [v, n];
  return best;
}
