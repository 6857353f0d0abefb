import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../src/core/errors.ts';
import { PACE_TICK_MS, paceReplay, type Pacing } from '../../../src/core/serving/replay/pace-replay.ts';

/** A pacing whose clock moves only when the replay sleeps; Stop is pressed after `stopAfterTicks` sleeps. */
function fakePacing(speed: number, stopAfterTicks = Infinity): Pacing & { ticks: number } {
  let now = 0;
  const pacing = {
    speed,
    ticks: 0,
    clock: () => now,
    sleep: async (ms: number) => {
      pacing.ticks++;
      now += ms;
    },
    stopped: () => pacing.ticks >= stopAfterTicks,
  };
  return pacing;
}

describe('paceReplay', () => {
  it('releases requests at the chosen speed until all are replayed', async () => {
    const seen: number[] = [];
    const pacing = fakePacing(100);
    const played = await paceReplay(35, pacing, (done) => seen.push(done));
    expect(played).toBe(35);
    // 100 requests/s is 10 per 100 ms tick.
    expect(PACE_TICK_MS).toBe(100);
    expect(seen).toEqual([0, 10, 20, 30, 35]);
  });

  it('stops where the user pressed Stop, with the requests replayed so far', async () => {
    const seen: number[] = [];
    const played = await paceReplay(1000, fakePacing(50, 3), (done) => seen.push(done));
    expect(seen).toEqual([0, 5, 10, 15]);
    expect(played).toBe(15);
  });

  it('is not paced at speed 0 (as fast as it scores)', async () => {
    const seen: number[] = [];
    const pacing = fakePacing(0);
    expect(await paceReplay(500, pacing, (done) => seen.push(done))).toBe(500);
    expect(seen).toEqual([]);
    expect(pacing.ticks).toBe(0);
  });

  it('refuses a stop before the first request, naming what to do', async () => {
    const error = await paceReplay(100, fakePacing(5, 1), () => {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbenchError);
    expect((error as WorkbenchError).code).toBe('serving.cancelled');
    expect((error as WorkbenchError).message).toMatch(/pick a faster speed/);
  });
});
