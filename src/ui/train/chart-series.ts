/** What XyChart draws: named series of x–y points, each with its own x values. */

/** One line (or cloud of dots) of a chart. */
export interface ChartSeries {
  label: string;
  xs: readonly number[];
  ys: readonly (number | null)[];
  color: string;
  /** Dots instead of a line (a scatter plot). */
  dots?: boolean;
  dash?: number[];
}

/** Distinct, readable colours for series in order. */
export const SERIES_COLORS = [
  '#2f5fd0',
  '#d9480f',
  '#2b8a3e',
  '#9c36b5',
  '#e8590c',
  '#1098ad',
  '#c2255c',
  '#5f3dc4',
  '#66a80f',
  '#495057',
];
