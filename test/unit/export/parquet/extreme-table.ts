import type { DataTable } from '../../../../src/core/data/types.ts';
import { numeric, strings, table } from '../../helpers/tables.ts';

/**
 * A table with every column type and the values that break converters:
 * missing cells in every column, integers beyond 2^53 and beyond INT64,
 * the largest and smallest doubles, −0, infinities, timestamps before 1970
 * and far ahead, booleans spelled yes/no, and strings in many scripts
 * (emoji, combining marks, right-to-left, an empty string, a NUL).
 */
export function extremeTable(): DataTable {
  return table(
    numeric('int', [1, -2, null, 2 ** 53, -(2 ** 53), 0, 42], 'integer'),
    numeric('huge_int', [1e21, -3, null, 7, 0, 1, 2], 'integer'),
    numeric('float', [1.7976931348623157e308, 5e-324, null, -0, Infinity, -Infinity, 0.1 + 0.2], 'number'),
    numeric('flag', [1, 0, null, 1, 1, 0, 0], 'boolean'),
    {
      name: 'answer',
      type: 'boolean',
      values: Float64Array.from([1, 0, 1, NaN, 0, 1, 0]),
      spelling: { true: 'Yes', false: 'No' },
    },
    numeric(
      'when',
      [
        Date.UTC(2024, 0, 15, 8, 30, 0, 123),
        Date.UTC(1969, 11, 31, 23, 59, 59),
        null,
        0,
        Date.UTC(2999, 11, 31),
        -1,
        1,
      ],
      'datetime',
    ),
    strings('city', ['Zürich', '東京', null, 'Zürich', '😀 café', 'e\u0301', 'القاهرة']),
    strings('note', ['', 'a "quoted", comma', null, 'line\nbreak', 'nul\u0000char', 'tab\there', 'ok'], 'text'),
    strings('key', ['k1', 'k2', 'k3', 'k4', 'k5', 'k6', null], 'identifier'),
  );
}
