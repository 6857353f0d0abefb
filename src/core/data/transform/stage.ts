import type { ColumnSchema, DataTable } from '../types.ts';

/** A table between two steps, with each column's role (roles travel with renames and drops). */
export interface Stage {
  table: DataTable;
  schema: ColumnSchema[];
}
