import { describe, expect, it } from 'vitest';
import type { DataTable } from '../../../../src/core/data/types.ts';
import { mergeComparisons, splitColumns } from '../../../../src/core/monitor/drift/column-split.ts';
import { compareWithDistributions } from '../../../../src/core/monitor/drift/drift-comparison.ts';
import { seededRng } from '../../../../src/core/random/rng.ts';

function table(seed: number, rows: number, shift: number): DataTable {
  const rng = seededRng(seed);
  return {
    rowCount: rows,
    columns: [
      { name: 'a', type: 'number', values: Float64Array.from({ length: rows }, () => rng() + shift) },
      {
        name: 'plan',
        type: 'category',
        codes: Int32Array.from({ length: rows }, () => (rng() < 0.5 ? 0 : 1)),
        dictionary: ['x', 'y'],
      },
      { name: 'b', type: 'number', values: Float64Array.from({ length: rows }, () => rng() * 3) },
      { name: 'c', type: 'number', values: Float64Array.from({ length: rows }, () => Math.round(rng() * 5 + shift)) },
    ],
  };
}

describe('splitColumns and mergeComparisons', () => {
  it('balance the numeric columns across the groups, each in reference order', () => {
    const groups = splitColumns(table(1, 100, 0), table(2, 100, 0), {}, 2);
    expect(groups).toEqual([
      ['a', 'c'],
      ['plan', 'b'],
    ]);
    expect(splitColumns(table(1, 100, 0), table(2, 100, 0), { columns: ['b'] }, 2)).toEqual([['b']]);
  });

  it('give exactly the report of one comparison over every column, in any split', () => {
    const reference = table(1, 3000, 0);
    const current = table(2, 2000, 0.2);
    const whole = compareWithDistributions(reference, current, { driftShareThreshold: 0.75 });
    for (const parts of [2, 3, 4]) {
      const groups = splitColumns(reference, current, {}, parts);
      const merged = mergeComparisons(
        reference,
        groups.map((columns) => compareWithDistributions(reference, current, { columns, driftShareThreshold: 0.75 })),
        { driftShareThreshold: 0.75 },
      );
      expect(merged).toEqual(whole);
    }
    expect(whole.report.columns.map((c) => c.name)).toEqual(['a', 'plan', 'b', 'c']);
  });

  it('keep the order of the columns asked for', () => {
    const reference = table(1, 500, 0);
    const current = table(2, 500, 1);
    const options = { columns: ['c', 'a', 'b'] };
    const whole = compareWithDistributions(reference, current, options);
    const groups = splitColumns(reference, current, options, 2);
    const merged = mergeComparisons(
      reference,
      groups.map((columns) => compareWithDistributions(reference, current, { columns })),
      options,
    );
    expect(merged).toEqual(whole);
  });
});
