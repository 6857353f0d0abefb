import { describe, expect, it } from 'vitest';
import type { DataTable } from '../../../../src/core/data/types.ts';
import { compareWithDistributions } from '../../../../src/core/monitor/drift/drift-comparison.ts';
import { seededRng } from '../../../../src/core/random/rng.ts';
import {
  compareSplit,
  ownedBuffers,
  SPLIT_FROM_ROWS,
  type DriftPart,
} from '../../../../src/adapters/workers/drift-split.ts';

function table(seed: number, rows: number, shift: number): DataTable {
  const rng = seededRng(seed);
  const numeric = (name: string) => ({
    name,
    type: 'number' as const,
    values: Float64Array.from({ length: rows }, () => rng() + shift),
  });
  return { rowCount: rows, columns: [numeric('x'), numeric('y'), numeric('z')] };
}

describe('compareSplit', () => {
  it('hands half the columns of a large report to the part and merges the same report as one thread', async () => {
    const rows = SPLIT_FROM_ROWS / 2;
    const reference = table(1, rows, 0);
    const current = table(2, rows, 0.01);
    const asked: string[][] = [];
    const part: DriftPart = {
      compareColumns: async (ref, cur, options, progress) => {
        asked.push(ref.columns.map((c) => c.name));
        return compareWithDistributions(ref, cur, options, progress);
      },
    };
    const ticks: [number, number][] = [];
    const split = await compareSplit(reference, current, {}, (done, total) => ticks.push([done, total]), part);
    expect(asked).toEqual([['y']]);
    expect(ticks.map(([d]) => d).sort()).toEqual([1, 2, 3]);
    expect(ticks.every(([, t]) => t === 3)).toBe(true);
    expect(split).toEqual(compareWithDistributions(reference, current));
  });

  it('keeps a small report on one thread', async () => {
    const part: DriftPart = {
      compareColumns: () => Promise.reject(new Error('not for small tables')),
    };
    const result = await compareSplit(table(1, 1000, 0), table(2, 1000, 0), {}, undefined, part);
    expect(result.report.columns).toHaveLength(3);
  });

  it('transfers only buffers a column owns whole', () => {
    const shared = new Float64Array(20);
    const owned = new Float64Array(10);
    const t: DataTable = {
      rowCount: 10,
      columns: [
        { name: 'a', type: 'number', values: shared.subarray(0, 10) },
        { name: 'b', type: 'number', values: shared.subarray(10, 20) },
        { name: 'c', type: 'number', values: owned },
      ],
    };
    expect(ownedBuffers(t)).toEqual([owned.buffer]);
  });
});
