import type { ColumnType } from '../types.ts';

/**
 * What type inference saw in one column, over every row: how many cells
 * looked like each kind of value. Quality checks use it to report mixed
 * types; the UI uses it to explain a choice.
 */
export interface ColumnInference {
  name: string;
  type: ColumnType;
  counts: {
    missing: number;
    integer: number;
    /** Non-integer decimal numbers. */
    decimal: number;
    boolean: number;
    datetime: number;
    /** Anything else. */
    text: number;
  };
  /** Up to three cells that did not fit the chosen type, with their 0-based data row. */
  nonConforming: { row: number; value: string }[];
}
