import { describe, expect, it } from 'vitest';
import { workerCrash } from '../../../../src/adapters/workers/worker-crash.ts';
import { toErrorInfo } from '../../../../src/core/errors.ts';

/** A stand-in for a Worker: only its error events matter here. */
function fakeWorker(): EventTarget {
  return new EventTarget();
}

function errorEvent(message: string): Event {
  return Object.assign(new Event('error', { cancelable: true }), { message });
}

describe('workerCrash', () => {
  it('rejects with worker.crashed naming the worker, the reason and what to do, after onCrash', async () => {
    const worker = fakeWorker();
    const order: string[] = [];
    const crashed = workerCrash(worker as Worker, 'The data worker', 'Reload the page.', () => order.push('onCrash'));
    const event = errorEvent('out of memory');
    worker.dispatchEvent(event);
    const error = await crashed.catch((e: unknown) => (order.push('rejected'), e));
    expect(toErrorInfo(error)).toMatchObject({
      code: 'worker.crashed',
      message: 'The data worker stopped (out of memory). Reload the page.',
    });
    expect(order).toEqual(['onCrash', 'rejected']);
    expect(event.defaultPrevented).toBe(true); // no uncaught-error report on the page
  });

  it('says the worker could not start when the error has no message', async () => {
    const worker = fakeWorker();
    const crashed = workerCrash(worker as Worker, 'The drift worker', 'Try again.');
    worker.dispatchEvent(errorEvent(''));
    await expect(crashed).rejects.toThrow('The drift worker stopped (it could not start). Try again.');
  });

  it('is never an unhandled rejection while no call races it', async () => {
    const worker = fakeWorker();
    let unhandled = 0;
    const count = () => unhandled++;
    process.on('unhandledRejection', count);
    workerCrash(worker as Worker, 'The monitor worker', 'Try again.');
    worker.dispatchEvent(errorEvent('boom'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off('unhandledRejection', count);
    expect(unhandled).toBe(0);
  });
});
