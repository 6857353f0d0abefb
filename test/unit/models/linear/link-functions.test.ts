import { describe, expect, it } from 'vitest';
import { log1pExp, sigmoid, softmaxInPlace } from '../../../../src/core/models/linear/link-functions.ts';

describe('link functions', () => {
  it('softmax of equal huge scores is uniform and returns max + ln k', () => {
    const s = Float64Array.from([7, 1000, 1000, 9]);
    expect(softmaxInPlace(s, 1, 2)).toBe(1000 + Math.LN2);
    expect(Array.from(s)).toEqual([7, 0.5, 0.5, 9]); // untouched outside [offset, offset + k)
  });

  it('softmax matches the textbook formula on small scores', () => {
    const s = Float64Array.from([1, 2, 3]);
    const lse = softmaxInPlace(s, 0, 3);
    const z = Math.exp(1) + Math.exp(2) + Math.exp(3);
    expect(lse).toBeCloseTo(Math.log(z), 14);
    expect(s[2]).toBeCloseTo(Math.exp(3) / z, 15);
  });

  it('sigmoid saturates without NaN and is symmetric', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
    expect(sigmoid(2) + sigmoid(-2)).toBeCloseTo(1, 15);
  });

  it('log1pExp is log(1 + e^z) without overflow or lost precision', () => {
    expect(log1pExp(800)).toBe(800);
    expect(log1pExp(0)).toBe(Math.LN2);
    expect(log1pExp(-40)).toBeCloseTo(Math.exp(-40), 30);
    expect(log1pExp(3)).toBeCloseTo(Math.log(1 + Math.exp(3)), 14);
  });
});
