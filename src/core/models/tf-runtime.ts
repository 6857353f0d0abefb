import type * as tfjs from '@tensorflow/tfjs';
import { WorkbenchError } from '../errors.ts';

/** The TF.js namespace, as `import * as tf from '@tensorflow/tfjs'` gives it. */
export type Tf = typeof tfjs;

/**
 * TF.js as a model kind gets it: the namespace and the backend to compute
 * on. Adapters pick and initialise the backend (browser worker, Node CLI);
 * core code never relies on whatever backend happens to be global, so a
 * test can run the same MLP code on 'cpu' or 'wasm'.
 */
export interface TfRuntime {
  tf: Tf;
  /** A registered backend name, e.g. 'wasm', 'webgl', 'cpu'. */
  backend: string;
}

/**
 * The namespace with the runtime's backend active (TF.js backends are
 * per-namespace state, so another caller may have switched it).
 *
 * @throws WorkbenchError `model.no_backend` without a runtime or when the backend cannot start
 */
export async function activeTf(runtime: TfRuntime | null, label: string): Promise<Tf> {
  if (!runtime) {
    throw new WorkbenchError(
      'model.no_backend',
      `${label} runs on TensorFlow.js, but no TF.js backend was handed in. Start it through the workbench (Train view or CLI), which picks one.`,
    );
  }
  const { tf, backend } = runtime;
  if (tf.getBackend() !== backend) {
    if (!(await tf.setBackend(backend))) {
      throw new WorkbenchError(
        'model.no_backend',
        `The TF.js backend "${backend}" could not start. Choose another backend (e.g. cpu) and train again.`,
      );
    }
    await tf.ready();
  }
  return tf;
}
