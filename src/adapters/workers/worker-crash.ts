import { WorkbenchError } from '../../core/errors.ts';

/**
 * A promise that rejects with `worker.crashed` once `worker` reports an
 * uncaught error or fails to load, so every call can race it instead of
 * hanging forever on a dead worker. `onCrash` runs first (a client forgets
 * the dead worker there, so its next call starts a new one).
 *
 * @example
 * const crashed = workerCrash(worker, 'The drift worker', 'Reload the page and try again.');
 * const result = await Promise.race([remote.compare(a, b), crashed]);
 */
export function workerCrash(worker: Worker, label: string, advice: string, onCrash?: () => void): Promise<never> {
  const crashed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      onCrash?.();
      const reason = event.message || 'it could not start';
      reject(new WorkbenchError('worker.crashed', `${label} stopped (${reason}). ${advice}`));
    });
  });
  crashed.catch(() => {}); // observed by each call's race, not here
  return crashed;
}
