import { describe, expect, it } from 'vitest';
import type { StringColumn } from '../../../../src/core/data/types.ts';
import { joinPointInTime } from '../../../../src/core/features/join/point-in-time-join.ts';
import {
  entityTimeline,
  keyCodesFromTexts,
  missStatus,
  timelineEntities,
  type TimelineInput,
} from '../../../../src/core/features/timeline/index.ts';

const DAY = 86_400_000;
const column = (values: string[]): StringColumn => {
  const dictionary = [...new Set(values.filter((v) => v !== ''))];
  return { name: 'k', type: 'category', dictionary, codes: Int32Array.from(values, (v) => dictionary.indexOf(v)) };
};
const days = (...d: number[]) => Float64Array.from(d, (x) => x * DAY);

// Training rows, in table order (NaN: a row without time).
const ENTITY_KEYS = ['a', 'b', 'a', 'a', 'a', 'c', 'd', 'e', 'a', ''];
const ROW_TIMES = days(10, 3, 1, 20, 5, 30, 10, 5, NaN, 4);
// View 1 (TTL 7 days, backfill guard on): a at days 2, 4 (created day 12), 9, 15; b at 8; c at 1; d at 9 (created 11).
const SOURCE_KEYS = ['a', 'a', 'a', 'a', 'b', 'c', 'd'];
const EVENT = days(2, 4, 9, 15, 8, 1, 9);
const CREATED = days(2, 12, 9, 15, 8, 1, 11);
// View 2 (no TTL): one row for a at day 1.
const SOURCE2_KEYS = ['a'];
const EVENT2 = days(1);

function input(): TimelineInput {
  const one = joinPointInTime({
    entityKeys: [column(ENTITY_KEYS)],
    timestamps: ROW_TIMES,
    sourceKeys: [column(SOURCE_KEYS)],
    eventTimes: EVENT,
    createdTimes: CREATED,
    ttlMs: 7 * DAY,
    ignoreCreatedAfter: true,
  });
  const two = joinPointInTime({
    entityKeys: [column(ENTITY_KEYS)],
    timestamps: ROW_TIMES,
    sourceKeys: [column(SOURCE2_KEYS)],
    eventTimes: EVENT2,
  });
  return {
    timestamps: ROW_TIMES,
    views: [
      {
        viewId: 'v@1',
        ttlMs: 7 * DAY,
        keys: keyCodesFromTexts(ENTITY_KEYS, SOURCE_KEYS),
        eventTimes: EVENT,
        createdTimes: CREATED,
        matches: one.matches,
        naive: one.naive,
      },
      {
        viewId: 'w@1',
        ttlMs: null,
        keys: keyCodesFromTexts(ENTITY_KEYS, SOURCE2_KEYS),
        eventTimes: EVENT2,
        createdTimes: null,
        matches: two.matches,
        naive: two.naive,
      },
    ],
  };
}

describe('entity timeline', () => {
  it("lists the entity's training rows by time, rows without time last", () => {
    const timeline = entityTimeline(input(), 'a');
    expect(timeline.rows).toEqual([
      { row: 2, time: 1 * DAY },
      { row: 4, time: 5 * DAY },
      { row: 0, time: 10 * DAY },
      { row: 3, time: 20 * DAY },
      { row: 8, time: null },
    ]);
    expect(timeline.truncated).toBe(false);
  });

  it("shows the entity's feature rows with their created times, by event time", () => {
    const [v] = entityTimeline(input(), 'a').views;
    expect(v.featureRows).toEqual([
      { row: 0, eventTime: 2 * DAY, createdTime: 2 * DAY },
      { row: 1, eventTime: 4 * DAY, createdTime: 12 * DAY },
      { row: 2, eventTime: 9 * DAY, createdTime: 9 * DAY },
      { row: 3, eventTime: 15 * DAY, createdTime: 15 * DAY },
    ]);
  });

  it('links each row to its pick, says why a row got none, and marks naive picks from the future', () => {
    const [v, w] = entityTimeline(input(), 'a').views;
    // Day 1: only rows after it. Day 5: the day-4 row was created on day 12, so the day-2 row.
    // Day 10: day 9. Day 20: day 15 (window 13–20). The naive join gives every row day 15.
    expect(v.links.map((l) => [l.row, l.picked, l.status, l.naive, l.naiveFuture])).toEqual([
      [2, null, 'only-future', 3, true],
      [4, 0, 'matched', 3, true],
      [0, 2, 'matched', 3, true],
      [3, 3, 'matched', 3, false],
      [8, null, 'no-time', 3, false],
    ]);
    expect(v.links.map((l) => l.windowStart)).toEqual([-6 * DAY, -2 * DAY, 3 * DAY, 13 * DAY, null]);
    // The second view has no TTL: its day-1 row serves every row with a time.
    expect(w.links.map((l) => [l.picked, l.status, l.naiveFuture, l.windowStart])).toEqual([
      [0, 'matched', false, null],
      [0, 'matched', false, null],
      [0, 'matched', false, null],
      [0, 'matched', false, null],
      [null, 'no-time', false, null],
    ]);
  });

  it('names expiry by TTL, a row created later, and an entity the view never saw', () => {
    const status = (key: string) => entityTimeline(input(), key).views[0].links[0].status;
    expect(status('c')).toBe('expired'); // day 30, its only row on day 1: older than 7 days
    expect(status('d')).toBe('created-later'); // day 10, the day-9 row created on day 11
    expect(status('e')).toBe('no-feature-rows');
    expect(status('b')).toBe('only-future');
    expect(entityTimeline(input(), 'e').views[0].featureRows).toEqual([]);
  });

  it('keeps picked rows when it leaves rows out beyond the limit', () => {
    const timeline = entityTimeline(input(), 'a', 2);
    expect(timeline.truncated).toBe(true);
    expect(timeline.rows.map((r) => r.row)).toEqual([2, 4]);
    // Two kept by time, plus the naive pick (day 15) both rows link to.
    expect(timeline.views[0].featureRows.map((f) => f.row)).toEqual([0, 1, 3]);
  });
});

describe('timeline entities', () => {
  it('counts rows, leaked rows and unmatched rows per entity and starts with the leakiest', () => {
    const { entities, total, first } = timelineEntities(input());
    expect(entities).toEqual([
      { key: 'a', rows: 5, leaked: 3, unmatched: 2 },
      { key: 'b', rows: 1, leaked: 1, unmatched: 1 },
      { key: 'c', rows: 1, leaked: 0, unmatched: 1 },
      { key: 'd', rows: 1, leaked: 0, unmatched: 1 },
      { key: 'e', rows: 1, leaked: 0, unmatched: 1 },
    ]);
    expect(total).toBe(5);
    expect(first).toBe('a');
  });

  it('keeps the leakiest entities when there are more than the limit, listed by key', () => {
    const { entities, total, first } = timelineEntities(input(), 2);
    expect(entities.map((e) => e.key)).toEqual(['a', 'b']);
    expect(total).toBe(5);
    expect(first).toBe('a');
  });
});

describe('miss status', () => {
  it('reads the reason from the event times alone', () => {
    expect(missStatus(10, [12, 15], 5)).toBe('only-future');
    expect(missStatus(10, [2, 15], 5)).toBe('expired');
    expect(missStatus(10, [2, 15], null)).toBe('created-later');
    expect(missStatus(10, [], 5)).toBe('no-feature-rows');
    expect(missStatus(null, [1], 5)).toBe('no-time');
  });
});
