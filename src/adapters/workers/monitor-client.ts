/**
 * The UI thread's handle on the monitor worker, started on first use. A
 * worker that dies rejects every pending call instead of leaving it hanging.
 */
import * as Comlink from 'comlink';
import { WorkbenchError } from '../../core/errors.ts';
import type { MonitorWorkerApi } from './monitor-protocol.ts';

export function createMonitorClient(): MonitorWorkerApi {
  let started: { remote: Comlink.Remote<MonitorWorkerApi>; crashed: Promise<never> } | null = null;
  const start = () => {
    if (started) return started;
    const worker = new Worker(new URL('./monitor.worker.ts', import.meta.url), { type: 'module' });
    const crashed = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        started = null;
        reject(
          new WorkbenchError(
            'worker.crashed',
            `The monitor worker stopped (${event.message || 'it could not start'}). Try again; reload the page if it keeps happening.`,
          ),
        );
      });
    });
    crashed.catch(() => {}); // observed by each call's race
    started = { remote: Comlink.wrap<MonitorWorkerApi>(worker), crashed };
    return started;
  };
  const call = <T>(run: (remote: Comlink.Remote<MonitorWorkerApi>) => Promise<T>): Promise<T> => {
    const { remote, crashed } = start();
    return Promise.race([run(remote), crashed]);
  };
  return {
    monitor: (input) => call((r) => r.monitor(input)),
    replay: (request) => call((r) => r.replay(request)),
    retrain: (input, platform) => call((r) => r.retrain(input, platform)),
  };
}
