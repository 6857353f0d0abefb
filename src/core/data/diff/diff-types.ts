import type { ColumnSchema, ColumnType } from '../types.ts';
import type { RowPairing } from './pair-rows.ts';

/** A row of both versions whose cells differ: 0-based data rows, both texts, and which cells changed. */
export interface ChangedRow {
  fromRow: number;
  toRow: number;
  from: string[];
  to: string[];
  /** Indexes into `comparedColumns`. */
  changed: number[];
}

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
  /** Rows present in both versions (paired, see `pairing`) with at least one cell changed. */
  rowsChanged: number;
  rowsUnchanged: number;
  /** How changed rows were paired: by a key column, by position, or not at all. */
  pairing: RowPairing;
  /** Up to 5 example rows each, as display text in `comparedColumns` order. */
  sampleAdded: string[][];
  sampleRemoved: string[][];
  /** Up to 10 changed rows, before and after, with the changed cells' indexes. */
  sampleChanged: ChangedRow[];
  statChanges: StatChange[];
}
