/**
 * Picks the TF.js backend when the workbench runs in Node (the CLI, tests,
 * benchmarks). WASM first: single-thread SIMD WASM trains small dense MLPs
 * at ~90,000 examples/s here against ~25,000 for the plain-JS 'cpu' backend
 * (shared/ENVIRONMENT.md); 'cpu' when WASM cannot start.
 */
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { TfRuntime } from '../../core/models/tf-runtime.ts';

export type NodeBackendName = 'wasm' | 'cpu';
export type NodeBackendPreference = NodeBackendName | 'auto';

/** The backend in use, why, and the TF.js version: recorded with a run. */
export interface NodeBackendChoice {
  name: NodeBackendName;
  reason: string;
  tfVersion: string;
  /** TF.js and this backend, to hand to the core's MLP code. */
  runtime: TfRuntime;
}

let chosen: Promise<NodeBackendChoice> | null = null;
let chosenFor: NodeBackendPreference | null = null;

/**
 * Selects and initialises the backend, once per preference (TF.js backends
 * are process-wide, so later calls share the first result).
 *
 * @example
 * const { name } = await selectNodeBackend(); // 'wasm'
 */
export function selectNodeBackend(preference: NodeBackendPreference = 'auto'): Promise<NodeBackendChoice> {
  if (!chosen || chosenFor !== preference) {
    chosenFor = preference;
    chosen = initialise(preference);
  }
  return chosen;
}

async function initialise(preference: NodeBackendPreference): Promise<NodeBackendChoice> {
  const choice = await start(preference);
  return { ...choice, runtime: { tf, backend: choice.name } };
}

async function start(preference: NodeBackendPreference): Promise<Omit<NodeBackendChoice, 'runtime'>> {
  const tfVersion = tf.version.tfjs;
  // TF.js's advice to install tfjs-node goes to stderr, which a CLI keeps for
  // real errors; PROD silences its warnings and changes nothing else.
  tf.env().set('PROD', true);
  if (preference !== 'cpu') {
    const failure = await startWasm();
    if (failure === null)
      return {
        name: 'wasm',
        reason: preference === 'wasm' ? 'chosen by you' : 'WASM is the fastest backend in Node',
        tfVersion,
      };
    if (!(await tf.setBackend('cpu'))) throw new Error('No TensorFlow.js backend could start in Node.');
    return { name: 'cpu', reason: `WASM failed to start (${failure}); fell back to cpu`, tfVersion };
  }
  if (!(await tf.setBackend('cpu'))) throw new Error('The TensorFlow.js cpu backend could not start.');
  return { name: 'cpu', reason: 'chosen by you', tfVersion };
}

/** Starts the WASM backend; resolves to null on success or to why it failed. */
async function startWasm(): Promise<string | null> {
  try {
    // Loaded only when an MLP needs it: forest and linear runs never pay for it.
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // In Node the Emscripten loader reads the binary with fs, so the "path"
    // is a directory on disk; without it, it looks next to the bundled script
    // it thinks it is, which a bundler or tsx may have moved.
    wasm.setWasmPaths(wasmDirectory());
    const started = await withQuietWarnings(() => tf.setBackend('wasm'));
    if (!started) return 'the backend did not initialise';
    await tf.ready();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);
  }
}

/** node_modules/@tensorflow/tfjs-backend-wasm/dist/, with a trailing separator (it is used as a prefix). */
export function wasmDirectory(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + sep;
}

/** TF.js warns on the console when a backend fails; the fallback reason already says it. */
async function withQuietWarnings<T>(run: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = () => {};
  try {
    return await run();
  } finally {
    console.warn = warn;
  }
}
