import { describe, expect, it } from 'vitest';
import { castColumn } from '../../../src/core/data/ingest/cast-column.ts';

describe('castColumn', () => {
  it('reads category text as numbers and counts what it could not read', () => {
    const { column, unreadable } = castColumn(
      { name: 'x', type: 'category', codes: new Int32Array([0, 1, -1, 2]), dictionary: ['1.5', 'abc', '007'] },
      'number',
    );
    expect(Array.from((column as { values: Float64Array }).values)).toEqual([1.5, NaN, NaN, 7]);
    expect(unreadable).toBe(1);
  });

  it('turns numbers into categories by their shortest text', () => {
    const { column } = castColumn(
      { name: 'x', type: 'integer', values: new Float64Array([3, NaN, 3, 10]) },
      'category',
    );
    expect(column).toMatchObject({ type: 'category', dictionary: ['3', '10'] });
    expect(Array.from((column as { codes: Int32Array }).codes)).toEqual([0, -1, 0, 1]);
  });

  it('refuses non-integers when casting to integer', () => {
    const { column, unreadable } = castColumn(
      { name: 'x', type: 'number', values: new Float64Array([1, 1.5]) },
      'integer',
    );
    expect(Array.from((column as { values: Float64Array }).values)).toEqual([1, NaN]);
    expect(unreadable).toBe(1);
  });
});
