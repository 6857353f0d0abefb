import { WorkbenchError } from '../../errors.ts';

/** How a paced replay is driven: the clock and the wait are passed in (core stays free of timers). */
export interface Pacing {
  /** Simulated requests per second; 0 = as fast as it scores (no pacing). */
  speed: number;
  /** Monotonic milliseconds. */
  clock: () => number;
  /** Resolves after about `ms` milliseconds. */
  sleep: (ms: number) => Promise<void>;
  /** Whether the user asked to stop; checked at every tick. */
  stopped: () => boolean;
}

/** Milliseconds between two steps of a paced replay. */
export const PACE_TICK_MS = 100;

/**
 * Releases the request stream at `speed` requests per (wall) second, telling
 * `onProgress` how many requests have been replayed so far, until all have
 * or the user stops. Resolves with the number replayed: the strategy then
 * decides on that prefix of the stream. Its walk is causal (a request sees
 * only the requests and labels before it), so deciding on the prefix once
 * gives exactly what deciding request by request would have.
 *
 * @throws WorkbenchError `serving.cancelled` when stopped before the first request
 */
export async function paceReplay(
  total: number,
  pacing: Pacing,
  onProgress: (done: number, total: number) => void,
): Promise<number> {
  if (!(pacing.speed > 0)) return total;
  const start = pacing.clock();
  for (;;) {
    const done = Math.min(total, Math.floor(((pacing.clock() - start) / 1000) * pacing.speed));
    onProgress(done, total);
    if (done >= total) return total;
    if (pacing.stopped()) {
      if (done === 0) {
        throw new WorkbenchError(
          'serving.cancelled',
          'The replay was stopped before its first request; nothing was stored. Start it again, or pick a faster speed.',
        );
      }
      return done;
    }
    await pacing.sleep(PACE_TICK_MS);
  }
}
