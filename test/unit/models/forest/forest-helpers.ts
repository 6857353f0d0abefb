/** Small builders for forest tests: plain number[][] rows in, the forest's typed-array contract out. */
import type { ForestData } from '../../../../src/core/models/forest/forest-types.ts';

/** Row-major Float64Array from rows of equal length. */
export function matrix(rows: number[][]): Float64Array {
  return Float64Array.from(rows.flat());
}

/** Classification data; classCount defaults to the largest label + 1. */
export function classification(rows: number[][], y: number[], classCount = Math.max(...y) + 1): ForestData {
  return {
    task: 'classification',
    x: matrix(rows),
    rows: rows.length,
    features: rows[0].length,
    y: Int32Array.from(y),
    classCount,
  };
}

/** Regression data. */
export function regression(rows: number[][], y: number[]): ForestData {
  return { task: 'regression', x: matrix(rows), rows: rows.length, features: rows[0].length, y: Float64Array.from(y) };
}

/** One feature per row, for the many one-dimensional cases. */
export function column(values: number[]): number[][] {
  return values.map((v) => [v]);
}
