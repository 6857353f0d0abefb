/**
 * The UI thread's handle on the monitor worker, started on first use. A
 * worker that dies rejects every pending call instead of leaving it hanging.
 */
import * as Comlink from 'comlink';
import { workerCrash } from './worker-crash.ts';
import type { MonitorWorkerApi } from './monitor-protocol.ts';

export function createMonitorClient(): MonitorWorkerApi {
  let started: { remote: Comlink.Remote<MonitorWorkerApi>; crashed: Promise<never> } | null = null;
  const start = () => {
    if (started) return started;
    const worker = new Worker(new URL('./monitor.worker.ts', import.meta.url), { type: 'module' });
    const crashed = workerCrash(
      worker,
      'The monitor worker',
      'Try again; reload the page if it keeps happening.',
      () => (started = null),
    );
    started = { remote: Comlink.wrap<MonitorWorkerApi>(worker), crashed };
    return started;
  };
  const call = <T>(run: (remote: Comlink.Remote<MonitorWorkerApi>) => Promise<T>): Promise<T> => {
    const { remote, crashed } = start();
    return Promise.race([run(remote), crashed]);
  };
  return {
    monitor: (input) => call((r) => r.monitor(input)),
    compareWindow: (input) => call((r) => r.compareWindow(input)),
    replay: (request) => call((r) => r.replay(request)),
    retrain: (input, platform) => call((r) => r.retrain(input, platform)),
  };
}
