import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StringColumn } from '../../../src/core/data/types.ts';
import { joinPointInTime } from '../../../src/core/features/join/point-in-time-join.ts';

// Made by test/fixtures/features/make-merge-asof.py with pandas.merge_asof.
interface Case {
  name: string;
  ttlDays: number | null;
  source: { customer: string[]; event_time: string[]; spend: number[] };
  entities: { customer: string[]; ts: string[] };
  expectedSpend: (number | null)[];
}
const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/features/merge-asof.json', import.meta.url), 'utf8'),
) as {
  cases: Case[];
};

const category = (values: string[]): StringColumn => {
  const dictionary = [...new Set(values)];
  const index = new Map(dictionary.map((v, i) => [v, i]));
  return { name: 'customer', type: 'category', dictionary, codes: Int32Array.from(values, (v) => index.get(v)!) };
};
const ms = (isos: string[]) => Float64Array.from(isos, (t) => Date.parse(t));

describe('point-in-time join against pandas merge_asof', () => {
  it.each(fixture.cases)('gives merge_asof’s values: $name', (c) => {
    const { matches } = joinPointInTime({
      entityKeys: [category(c.entities.customer)],
      timestamps: ms(c.entities.ts),
      sourceKeys: [category(c.source.customer)],
      eventTimes: ms(c.source.event_time),
      ttlMs: c.ttlDays === null ? undefined : c.ttlDays * 86_400_000,
    });
    const spend = Array.from(matches, (m) => (m < 0 ? null : c.source.spend[m]));
    expect(spend).toEqual(c.expectedSpend);
    expect(spend.filter((v) => v !== null).length).toBeGreaterThan(5);
  });
});
