import type { ColumnRole, ColumnType } from '../types.ts';

/** Summary statistics of a numeric-like column over its non-missing values. */
export interface NumericStats {
  min: number;
  max: number;
  mean: number;
  /** Sample standard deviation (n − 1 denominator, like pandas' describe). */
  std: number;
  /** Quartiles by linear interpolation between order statistics (NumPy's default, R type 7). */
  q1: number;
  median: number;
  q3: number;
}

export interface Histogram {
  /** Bin edges, length `counts.length + 1`; the last bin includes its right edge. */
  edges: number[];
  counts: number[];
}

export interface TopValue {
  value: string;
  count: number;
}

export interface ColumnProfile {
  name: string;
  type: ColumnType;
  /** What inference chose before any user override. */
  inferredType: ColumnType;
  role: ColumnRole;
  /** Non-missing cells. */
  count: number;
  missing: number;
  distinct: number;
  numeric?: NumericStats;
  histogram?: Histogram;
  /** Most frequent values, most frequent first (ties by first appearance). */
  top?: TopValue[];
}

export type WarningCode =
  | 'constant'
  | 'missing-all'
  | 'missing-most'
  | 'missing-some'
  | 'duplicate-rows'
  | 'mixed-types'
  | 'identifier-like'
  | 'target-leakage'
  | 'target-one-class'
  | 'header-renamed'
  | 'values-unreadable';

export interface QualityWarning {
  code: WarningCode;
  severity: 'info' | 'warning' | 'error';
  /** The column it concerns, when it concerns one. */
  column?: string;
  message: string;
}

export interface DataProfile {
  rowCount: number;
  columnCount: number;
  duplicateRows: number;
  columns: ColumnProfile[];
  warnings: QualityWarning[];
}
