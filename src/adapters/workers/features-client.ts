/**
 * The UI thread's handle on the features worker, started on first use. A
 * worker that dies rejects the pending call, and the next call starts a new one.
 */
import * as Comlink from 'comlink';
import { workerCrash } from './worker-crash.ts';
import type { FeaturesApi } from './features-protocol.ts';

export function createFeaturesClient(): FeaturesApi {
  let current: { worker: Worker; remote: Comlink.Remote<FeaturesApi>; crashed: Promise<never> } | null = null;

  function start() {
    const worker = new Worker(new URL('./features.worker.ts', import.meta.url), { type: 'module' });
    const crashed = workerCrash(worker, 'The features worker', 'Try again.', () => (current = null));
    return { worker, remote: Comlink.wrap<FeaturesApi>(worker), crashed };
  }

  // Comlink types each call as a union of promises (one per Result branch); Awaited flattens it.
  const use = <P>(call: (remote: Comlink.Remote<FeaturesApi>) => P): Promise<Awaited<P>> => {
    current ??= start();
    return Promise.race([call(current.remote), current.crashed]);
  };

  return {
    preview: (request, limit) => use((r) => r.preview(request, limit)),
    timeline: (request, key) => use((r) => r.timeline(request, key)),
    save: (request, input) => use((r) => r.save(request, input)),
    materialize: (request, onProgress) => use((r) => r.materialize(request, Comlink.proxy(onProgress))),
    lookup: (name, keys) => use((r) => r.lookup(name, keys)),
  };
}
