import type { parquetWriteBuffer } from 'hyparquet-writer';
import { isNumericColumn, type Column } from '../../data/types.ts';

/** A schema element as hyparquet-writer takes it (it pins its own hyparquet types). */
type SchemaElement = NonNullable<Parameters<typeof parquetWriteBuffer>[0]['schema']>[number];

/** One column ready for hyparquet-writer: its schema element and values (null = missing). */
export interface ParquetColumn {
  element: SchemaElement;
  data: (number | bigint | boolean | string | null)[];
  dictionary: boolean;
}

const INT64_LIMIT = 2 ** 63;

/**
 * The Parquet column of a workbench column: integers as INT64 (DOUBLE when a
 * value is not a whole number or beyond INT64), numbers as DOUBLE, booleans
 * as BOOLEAN, datetimes as INT64 timestamps adjusted to UTC (milliseconds, or
 * microseconds when a value has a fraction of a millisecond), and category,
 * text and identifier columns as UTF-8 strings, dictionary-encoded. Every
 * column is OPTIONAL: a missing cell is a null.
 */
export function parquetColumn(column: Column, rowCount: number): ParquetColumn {
  const { name } = column;
  if (!isNumericColumn(column)) {
    const { codes, dictionary } = column;
    const data = new Array<string | null>(rowCount);
    for (let r = 0; r < rowCount; r++) data[r] = codes[r] < 0 ? null : dictionary[codes[r]];
    return {
      element: {
        name,
        type: 'BYTE_ARRAY',
        repetition_type: 'OPTIONAL',
        converted_type: 'UTF8',
        logical_type: { type: 'STRING' },
      },
      data,
      dictionary: true,
    };
  }
  const { values } = column;
  const present = (v: number) => !Number.isNaN(v);
  if (column.type === 'boolean') {
    return {
      element: { name, type: 'BOOLEAN', repetition_type: 'OPTIONAL' },
      data: Array.from(values, (v) => (present(v) ? v !== 0 : null)),
      dictionary: false,
    };
  }
  if (column.type === 'datetime') {
    const millis = values.every((v) => !present(v) || Number.isInteger(v));
    const unit = millis ? 'MILLIS' : 'MICROS';
    return {
      element: {
        name,
        type: 'INT64',
        repetition_type: 'OPTIONAL',
        converted_type: millis ? 'TIMESTAMP_MILLIS' : 'TIMESTAMP_MICROS',
        logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit },
      },
      data: Array.from(values, (v) => (present(v) ? BigInt(millis ? v : Math.round(v * 1000)) : null)),
      dictionary: false,
    };
  }
  const wholeInt64 =
    column.type === 'integer' &&
    values.every((v) => !present(v) || (Number.isInteger(v) && v >= -INT64_LIMIT && v < INT64_LIMIT));
  if (wholeInt64) {
    return {
      element: { name, type: 'INT64', repetition_type: 'OPTIONAL' },
      data: Array.from(values, (v) => (present(v) ? BigInt(v) : null)),
      dictionary: false,
    };
  }
  return {
    element: { name, type: 'DOUBLE', repetition_type: 'OPTIONAL' },
    data: Array.from(values, (v) => (present(v) ? v : null)),
    dictionary: false,
  };
}
