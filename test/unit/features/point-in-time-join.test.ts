import { describe, expect, it } from 'vitest';
import type { Column, StringColumn } from '../../../src/core/data/types.ts';
import { joinPointInTime } from '../../../src/core/features/join/point-in-time-join.ts';
import { parseDuration } from '../../../src/core/features/join/duration.ts';

const DAY = 86_400_000;
const keys = (...values: string[]): StringColumn => {
  const dictionary = [...new Set(values)];
  return { name: 'k', type: 'category', dictionary, codes: Int32Array.from(values, (v) => dictionary.indexOf(v)) };
};
const times = (...days: number[]) => Float64Array.from(days, (d) => d * DAY);
const join = (
  entity: { keys: Column; t: Float64Array },
  source: { keys: Column; t: Float64Array; created?: Float64Array },
  options: { ttlMs?: number; ignoreCreatedAfter?: boolean } = {},
) =>
  joinPointInTime({
    entityKeys: [entity.keys],
    timestamps: entity.t,
    sourceKeys: [source.keys],
    eventTimes: source.t,
    createdTimes: source.created,
    ...options,
  });

describe('point-in-time join', () => {
  it('takes a feature row whose event time equals the row time exactly', () => {
    const result = join({ keys: keys('a'), t: times(5) }, { keys: keys('a', 'a'), t: times(5, 6) });
    expect([...result.matches]).toEqual([0]);
  });

  it('gives no match when every feature row of the key lies in the future', () => {
    const result = join({ keys: keys('a', 'a'), t: times(1, 10) }, { keys: keys('a', 'a'), t: times(4, 8) });
    expect([...result.matches]).toEqual([-1, 1]);
    // A naive latest-value join gives both rows the day-8 value: the day-1 row got it from the future.
    expect([...result.naive]).toEqual([1, 1]);
    expect(result.leakedRows).toBe(1);
  });

  it('drops feature rows older than the TTL', () => {
    const source = { keys: keys('a', 'a'), t: times(1, 3) };
    const entity = { keys: keys('a', 'a', 'a'), t: times(3, 9, 11) };
    expect([...join(entity, source, { ttlMs: parseDuration('7d') }).matches]).toEqual([1, 1, -1]);
    expect([...join(entity, source).matches]).toEqual([1, 1, 1]);
  });

  it('breaks event-time ties by the latest created time, not by file order', () => {
    const source = { keys: keys('a', 'a', 'a'), t: times(2, 2, 2), created: times(5, 9, 3) };
    expect([...join({ keys: keys('a'), t: times(10) }, source).matches]).toEqual([1]);
  });

  it('ignores rows created after the row time when backfill protection is on', () => {
    // Day-2 value backfilled on day 9; the day-1 value existed at day 5.
    const source = { keys: keys('a', 'a'), t: times(1, 2), created: times(1, 9) };
    const entity = { keys: keys('a', 'a'), t: times(5, 10) };
    expect([...join(entity, source).matches]).toEqual([1, 1]);
    expect([...join(entity, source, { ignoreCreatedAfter: true }).matches]).toEqual([0, 1]);
  });

  it('gives a missing value to an entity the source never saw', () => {
    const result = join({ keys: keys('a', 'zz'), t: times(5, 5) }, { keys: keys('a'), t: times(1) });
    expect([...result.matches]).toEqual([0, -1]);
    expect([...result.naive]).toEqual([0, -1]);
    expect(result.matchedRows).toBe(1);
  });

  it('joins several feature views with different TTLs independently', () => {
    const entity = { keys: keys('a', 'b'), t: times(10, 10) };
    const daily = { keys: keys('a', 'b'), t: times(9, 2) };
    const weekly = { keys: keys('b', 'a'), t: times(4, 1) };
    expect([...join(entity, daily, { ttlMs: 2 * DAY }).matches]).toEqual([0, -1]);
    expect([...join(entity, weekly, { ttlMs: 7 * DAY }).matches]).toEqual([-1, 0]);
  });

  it('matches numeric keys with text keys of the same value and composite keys part by part', () => {
    const ids: Column = { name: 'id', type: 'integer', values: Float64Array.of(7, 8) };
    const region = keys('eu', 'us');
    const source = {
      entityKeys: [keys('7', '8', '7'), keys('us', 'us', 'eu')],
      eventTimes: times(1, 1, 1),
    };
    const result = joinPointInTime({
      entityKeys: [ids, region],
      timestamps: times(2, 2),
      sourceKeys: source.entityKeys,
      eventTimes: source.eventTimes,
    });
    expect([...result.matches]).toEqual([2, 1]);
  });

  it('never picks rows without an event time and never matches rows without a timestamp', () => {
    const result = join(
      { keys: keys('a', 'a'), t: Float64Array.of(5 * DAY, NaN) },
      { keys: keys('a', 'a'), t: Float64Array.of(NaN, 1 * DAY) },
    );
    expect([...result.matches]).toEqual([1, -1]);
  });
});

describe('durations', () => {
  it('reads s, m, h, d and w and refuses anything else', () => {
    expect(parseDuration('12h')).toBe(12 * 3_600_000);
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('2w')).toBe(14 * DAY);
    expect(() => parseDuration('7 days')).toThrow(/not a duration/);
    expect(() => parseDuration('0d')).toThrow(/not a duration/);
  });
});
