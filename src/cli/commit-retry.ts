import { setTimeout as sleep } from 'node:timers/promises';
import { WorkbenchError } from '../core/errors.ts';

/** How hard {@link retryOnConflict} tries: attempts in all, and the first wait (doubled each time, with jitter). */
export interface RetryPolicy {
  attempts: number;
  firstWaitMs: number;
}

const DEFAULT_POLICY: RetryPolicy = { attempts: 10, firstWaitMs: 20 };
/** Longest wait between two attempts. */
const MAX_WAIT_MS = 1_000;

/**
 * Runs a registry action that reads, plans and commits, again from the
 * start when another process committed first (`storage.conflict`): the
 * action re-reads the registry and re-plans (the next version number, the
 * stage as it is now), so concurrent CLI commands on one workspace all
 * succeed instead of asking the user to run them again. Waits grow with
 * each attempt, jittered so the losers do not collide again in lockstep.
 *
 * @throws the last conflict, with a message saying how often it was tried, once the attempts are spent.
 * @example
 * const done = await retryOnConflict(() => registerRun(store, input));
 */
export async function retryOnConflict<T>(action: () => Promise<T>, policy: RetryPolicy = DEFAULT_POLICY): Promise<T> {
  let wait = policy.firstWaitMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (!(error instanceof WorkbenchError) || error.code !== 'storage.conflict') throw error;
      if (attempt >= policy.attempts) {
        throw new WorkbenchError(
          'storage.conflict',
          `Other processes kept changing the same records: the change was planned again ${attempt} times and each time someone else committed first. ${error.message}`,
          { cause: error },
        );
      }
      await sleep(wait * (0.5 + Math.random()));
      wait = Math.min(wait * 2, MAX_WAIT_MS);
    }
  }
}
