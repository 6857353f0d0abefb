/**
 * The UI thread's handle on the transform worker, started on first use. A
 * worker that dies rejects the pending call, and the next call starts a new one.
 */
import * as Comlink from 'comlink';
import { workerCrash } from './worker-crash.ts';
import type { TransformApi } from './transform-protocol.ts';

export function createTransformClient(): TransformApi {
  let current: { worker: Worker; remote: Comlink.Remote<TransformApi>; crashed: Promise<never> } | null = null;

  function start() {
    const worker = new Worker(new URL('./transform.worker.ts', import.meta.url), { type: 'module' });
    const crashed = workerCrash(worker, 'The transform worker', 'Try again.', () => (current = null));
    return { worker, remote: Comlink.wrap<TransformApi>(worker), crashed };
  }

  // Comlink types each call as a union of promises (one per Result branch); Awaited flattens it.
  const use = <P>(call: (remote: Comlink.Remote<TransformApi>) => P): Promise<Awaited<P>> => {
    current ??= start();
    return Promise.race([call(current.remote), current.crashed]);
  };

  return {
    preview: (parentId, recipe, limit) => use((r) => r.preview(parentId, recipe, limit)),
    save: (parentId, recipe, request) => use((r) => r.save(parentId, recipe, request)),
  };
}
