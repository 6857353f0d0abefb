import { describe, expect, it } from 'vitest';
import { solveCholesky } from '../../../../src/core/models/linear/cholesky.ts';

describe('solveCholesky', () => {
  it('solves a symmetric positive-definite system exactly', () => {
    // A = [[4, 12, -16], [12, 37, -43], [-16, -43, 98]] (L = [[2,0,0],[6,1,0],[-8,5,3]]), x = [1, -2, 3].
    const a = Float64Array.from([4, 12, -16, 12, 37, -43, -16, -43, 98]);
    const b = Float64Array.from([4 - 24 - 48, 12 - 74 - 129, -16 + 86 + 294]);
    const x = solveCholesky(a, b, 3);
    expect(x[0]).toBeCloseTo(1, 12);
    expect(x[1]).toBeCloseTo(-2, 12);
    expect(x[2]).toBeCloseTo(3, 12);
  });

  it('reads only the lower triangle', () => {
    const a = Float64Array.from([2, 999, 1, 2]);
    const x = solveCholesky(a, Float64Array.from([3, 3]), 2);
    expect(x[0]).toBeCloseTo(1, 14);
    expect(x[1]).toBeCloseTo(1, 14);
  });

  it('throws model.singular for a matrix that is not positive definite', () => {
    const a = Float64Array.from([1, 2, 2, 4]);
    expect(() => solveCholesky(a, Float64Array.from([1, 1]), 2)).toThrowError(
      expect.objectContaining({ code: 'model.singular' }) as never,
    );
  });
});
