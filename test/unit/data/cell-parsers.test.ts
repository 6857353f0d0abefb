import { describe, expect, it } from 'vitest';
import { NumberKind, readDateTime, readNumber, type NumberRead } from '../../../src/core/data/ingest/cell-parsers.ts';
import { seededRng } from '../../../src/core/random/rng.ts';

const num = (text: string): NumberRead => {
  const out: NumberRead = { kind: NumberKind.NotNumber, value: 0 };
  readNumber(text, 0, text.length, out);
  return out;
};

describe('readNumber', () => {
  it('reads exactly what Number() reads for 20,000 random decimals (correct rounding on the fast path)', () => {
    const rng = seededRng(7);
    for (let i = 0; i < 20_000; i++) {
      const digits = 1 + Math.floor(rng() * 17);
      let s = rng() < 0.3 ? '-' : '';
      s += String(1 + Math.floor(rng() * 9));
      for (let d = 1; d < digits; d++) s += Math.floor(rng() * 10);
      const point = Math.floor(rng() * (digits + 1));
      if (point > 0 && point < s.length) s = s.slice(0, s.length - point) + '.' + s.slice(s.length - point);
      if (rng() < 0.2) s += `e${Math.floor(rng() * 60) - 30}`;
      const read = num(s);
      if (read.kind === NumberKind.NotNumber) {
        // Only integers that would lose digits may be refused.
        expect(Number.isSafeInteger(Number(s))).toBe(false);
      } else expect(read.value).toBe(Number(s));
    }
  });

  it('refuses codes with leading zeros, thousands separators, Infinity and hex', () => {
    for (const s of ['007', '1,000', 'Infinity', '0x1F', '1e', '.', '-', '1.2.3', ' 1'])
      expect(num(s).kind).toBe(NumberKind.NotNumber);
  });

  it('tells integers from decimals', () => {
    expect(num('42')).toEqual({ kind: NumberKind.Integer, value: 42 });
    expect(num('0')).toEqual({ kind: NumberKind.Integer, value: 0 });
    expect(num('0.25')).toEqual({ kind: NumberKind.Decimal, value: 0.25 });
    expect(num('1e3')).toEqual({ kind: NumberKind.Decimal, value: 1000 });
  });
});

describe('readDateTime', () => {
  const dt = (s: string) => readDateTime(s, 0, s.length);
  it('reads ISO dates and times, applying offsets and treating zone-less times as UTC', () => {
    expect(dt('2024-03-10')).toBe(Date.UTC(2024, 2, 10));
    expect(dt('2024/03/10')).toBe(Date.UTC(2024, 2, 10));
    expect(dt('2024-03-10T12:00:00+02:00')).toBe(Date.UTC(2024, 2, 10, 10));
    expect(dt('2024-03-10 12:00:00.5Z')).toBe(Date.UTC(2024, 2, 10, 12, 0, 0, 500));
    expect(dt('2024-03-10T12:00')).toBe(Date.UTC(2024, 2, 10, 12));
  });
  it('rejects impossible dates and ambiguous formats', () => {
    for (const s of ['2023-02-29', '2024-13-01', '2024-01-32', '01/02/2024', '2024-01-01T25:00', '2024-01-01X'])
      expect(dt(s)).toBeNaN();
    expect(dt('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
  });
});
