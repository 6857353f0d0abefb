import type { SchemaElement } from 'hyparquet';
import type { FileColumn } from '../../data/interchange/typed-table.ts';

/**
 * The kind of value a flat Parquet column holds, from its physical type and
 * annotations, or why the workbench cannot hold it (nested groups, repeated
 * fields, times of day, intervals, raw fixed-length bytes, geometry…).
 */
export function parquetKind(element: SchemaElement): FileColumn['kind'] | { unsupported: string } {
  const { type, converted_type: converted, logical_type: logical } = element;
  if (element.num_children !== undefined) return { unsupported: 'a nested group (struct, list or map)' };
  if (element.repetition_type === 'REPEATED') return { unsupported: 'a repeated field' };
  if (converted === 'DECIMAL' || logical?.type === 'DECIMAL' || logical?.type === 'FLOAT16') return 'float';
  if (converted === 'TIME_MILLIS' || converted === 'TIME_MICROS' || logical?.type === 'TIME')
    return { unsupported: 'a time of day' };
  if (converted === 'INTERVAL') return { unsupported: 'an interval' };
  if (converted === 'BSON') return { unsupported: 'BSON' };
  if (logical?.type === 'GEOMETRY' || logical?.type === 'GEOGRAPHY') return { unsupported: 'geometry' };
  if (
    converted === 'DATE' ||
    converted === 'TIMESTAMP_MILLIS' ||
    converted === 'TIMESTAMP_MICROS' ||
    logical?.type === 'DATE' ||
    logical?.type === 'TIMESTAMP' ||
    type === 'INT96'
  )
    return 'timestamp';
  switch (type) {
    case 'BOOLEAN':
      return 'boolean';
    case 'INT32':
    case 'INT64':
      return 'integer';
    case 'FLOAT':
    case 'DOUBLE':
      return 'float';
    case 'BYTE_ARRAY':
      return 'string';
    case 'FIXED_LEN_BYTE_ARRAY':
      return logical?.type === 'UUID' ? 'string' : { unsupported: 'fixed-length bytes' };
    default:
      return { unsupported: `the physical type ${String(type)}` };
  }
}
