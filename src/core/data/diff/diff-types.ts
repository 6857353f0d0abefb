import type { ColumnSchema, ColumnType } from '../types.ts';

/** One statistic that changed between two versions of a column. */
export interface StatChange {
  column: string;
  /** e.g. `mean`, `missing`, `distinct`, `std`, `min`, `max`, `median`. */
  stat: string;
  from: number;
  to: number;
}

/**
 * What changed from version `fromId` to version `toId`. Rows are compared by
 * a hash of their cells in the columns both versions share (same name), as
 * multisets: a row present twice before and once after counts as one removed.
 */
export interface DatasetDiff {
  fromId: string;
  toId: string;
  columnsAdded: ColumnSchema[];
  columnsRemoved: ColumnSchema[];
  columnsRetyped: { name: string; from: ColumnType; to: ColumnType }[];
  /** Column names the row comparison used. */
  comparedColumns: string[];
  rowsAdded: number;
  rowsRemoved: number;
  rowsUnchanged: number;
  /** Up to 5 example rows each, as display text in `comparedColumns` order. */
  sampleAdded: string[][];
  sampleRemoved: string[][];
  statChanges: StatChange[];
}
