import { describe, expect, it } from 'vitest';
import { encodeStrings } from '../../../../src/core/data/string-column.ts';
import type { DataTable } from '../../../../src/core/data/types.ts';
import { columnDistributions } from '../../../../src/core/monitor/drift/distributions.ts';

const strings = (values: string[]) => ({
  type: 'category' as const,
  ...encodeStrings(values.length, (r) => values[r]),
});

describe('columnDistributions', () => {
  const reference: DataTable = {
    rowCount: 4,
    columns: [
      { name: 'x', type: 'number', values: Float64Array.of(0, 1, 2, 3) },
      { name: 'c', ...strings(['a', 'a', 'b', 'c']) },
    ],
  };
  const current: DataTable = {
    rowCount: 4,
    columns: [
      { name: 'x', type: 'number', values: Float64Array.of(3, 4, 5, 6) },
      { name: 'c', ...strings(['c', 'c', 'c', 'a']) },
    ],
  };

  it('bins both numeric samples on shared edges over their joint range, with ECDFs', () => {
    const [x] = columnDistributions(reference, current, ['x']);
    if (x.kind !== 'numeric') throw new Error('expected numeric');
    expect(x.edges[0]).toBe(0);
    expect(x.edges[30]).toBe(6);
    expect(x.reference.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(x.current[29]).toBe(0.25); // 6 lands in the last, closed bin
    expect(x.ecdf.reference[0]).toBe(0.25);
    expect(x.ecdf.current[0]).toBe(0);
    expect(x.ecdf.reference[100]).toBe(1);
  });

  it('gives category shares aligned by name, most frequent first', () => {
    const [c] = columnDistributions(reference, current, ['c']);
    expect(c).toEqual({
      name: 'c',
      kind: 'categorical',
      categories: ['c', 'a', 'b'],
      reference: [0.25, 0.5, 0.25],
      current: [0.75, 0.25, 0],
    });
  });
});
