import { describe, expect, it } from 'vitest';
import { LEFT, RIGHT, WIDTH, timeScale } from '../../../../src/ui/features/timeline-scale.ts';

const DAY = 86_400_000;

describe('the timeline axis', () => {
  it('puts twenty yearly rows on new-year ticks five years apart', () => {
    const times = Array.from({ length: 20 }, (_, i) => Date.UTC(1935 + i, 11, 31));
    const { x, ticks } = timeScale(times);
    expect(ticks.map((t) => t.label)).toEqual(['1940', '1945', '1950', '1955']);
    expect(ticks[0].at).toBe(Date.UTC(1940, 0, 1));
    // 3% padding each side keeps the first and last row off the edges, in order.
    expect(x(times[0])).toBeGreaterThan(LEFT);
    expect(x(times[19])).toBeLessThan(WIDTH - RIGHT);
    expect(x(times[0])).toBeLessThan(x(times[1]));
  });

  it('uses midnights for a span of days and hours for a single day', () => {
    const start = Date.UTC(2024, 0, 1);
    // Ten days, about six ticks: every second midnight (counted from the epoch).
    expect(timeScale([start, start + 10 * DAY]).ticks.map((t) => t.label)).toEqual([
      '2024-01-02',
      '2024-01-04',
      '2024-01-06',
      '2024-01-08',
      '2024-01-10',
    ]);
    expect(timeScale([start + 6 * 3_600_000, start + 12 * 3_600_000]).ticks[0].label).toBe('2024-01-01 06:00');
  });

  it('gives a single time a day either side and keeps x inside the plot', () => {
    const t = Date.UTC(2024, 5, 1);
    const { x } = timeScale([t]);
    expect(x(t)).toBeCloseTo((LEFT + WIDTH - RIGHT) / 2, 6);
    expect(x(t - 100 * DAY)).toBe(LEFT);
    expect(x(t + 100 * DAY)).toBe(WIDTH - RIGHT);
  });
});
