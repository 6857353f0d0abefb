/**
 * Picks the TF.js backend in a browser worker by what the device really is.
 * "GPU first" is wrong on a software renderer: headless Chromium renders
 * WebGL on SwiftShader, where WASM is ~5× faster for small dense models
 * (measured: shared/ENVIRONMENT.md). So: a hardware GPU → WebGL; a software
 * renderer or none → WASM; CPU last. WebGPU only when the user asks for it.
 * Each choice falls back along the chain when it fails to initialise.
 */
import * as tf from '@tensorflow/tfjs';
import type { TfRuntime } from '../../core/models/tf-runtime.ts';
import '@tensorflow/tfjs-backend-wasm';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { shortRendererName } from './renderer-name.ts';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export type BackendPreference = BackendName | 'auto';

export interface BackendChoice {
  name: BackendName;
  /** Why this one: shown to the user and stored with the run. */
  reason: string;
  /** The WebGL renderer string, when the device exposes one. */
  renderer: string | null;
  tfVersion: string;
  /** TF.js and this backend, to hand to the core's MLP code. */
  runtime: TfRuntime;
}

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
});
// Threaded WASM hangs in the minified build when the page is cross-origin isolated.
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

/** The WebGL renderer and whether it is a software rasteriser. */
export function describeGpu(): { renderer: string | null; software: boolean } {
  try {
    const canvas = new OffscreenCanvas(1, 1);
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!gl) return { renderer: null, software: true };
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    return { renderer, software: /swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer) };
  } catch {
    return { renderer: null, software: true };
  }
}

let chosen: Promise<BackendChoice> | null = null;
let chosenFor: BackendPreference | null = null;

/** Selects (once per preference) and initialises the backend. */
export function selectBackend(preference: BackendPreference = 'auto'): Promise<BackendChoice> {
  if (!chosen || chosenFor !== preference) {
    chosenFor = preference;
    chosen = initialise(preference);
  }
  return chosen;
}

async function initialise(preference: BackendPreference): Promise<BackendChoice> {
  const gpu = describeGpu();
  let chain: BackendName[];
  let reason: string;
  if (preference !== 'auto') {
    chain = [preference, ...(['wasm', 'cpu'] as BackendName[]).filter((b) => b !== preference)];
    reason = `chosen by you`;
  } else if (gpu.renderer && !gpu.software) {
    chain = ['webgl', 'wasm', 'cpu'];
    reason = `hardware GPU (${shortRendererName(gpu.renderer)})`;
  } else {
    chain = ['wasm', 'cpu'];
    reason = gpu.renderer
      ? `software renderer (${shortRendererName(gpu.renderer)}): WASM is faster`
      : 'no GPU: WASM is the fastest available';
  }
  for (const name of chain) {
    try {
      if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
      if (await tf.setBackend(name)) {
        await tf.ready();
        return {
          name,
          reason: name === chain[0] ? reason : `${chain[0]} failed to start; fell back`,
          renderer: gpu.renderer,
          tfVersion: tf.version.tfjs,
          runtime: { tf, backend: name },
        };
      }
    } catch {
      // try the next backend in the chain
    }
  }
  throw new Error('No TensorFlow.js backend could start.');
}
