/**
 * The MLP benchmark page: runs one fresh training worker per backend, one
 * after another (they share 2 cores), then asks a last worker what 'auto'
 * picks. Everything is published on `window.__bench` for the driver to poll.
 * Query: `?set=<url>&meta=<json>&backends=wasm,webgl,cpu,webgpu&budget=<ms>&quick=1`.
 */
import type { BackendChoice, BackendPreference } from '../../../src/adapters/tf-backend/browser-backend.ts';
import type { MlpPlan, MlpSample } from '../mlp-case.ts';
import type { TrainingMessage, TrainingRequest } from './training.worker.ts';

/** One backend's outcome. */
export interface BackendResult {
  requested: BackendPreference;
  choice?: BackendChoice;
  webgpuAdapter?: string | null;
  initMs?: number;
  sample?: MlpSample;
  plan?: MlpPlan;
  error?: string;
}

interface BenchState {
  results: BackendResult[];
  current: string | null;
  done: boolean;
  error?: string;
}

const state: BenchState = { results: [], current: null, done: false };
(window as unknown as { __bench: BenchState }).__bench = state;
const status = document.getElementById('status')!;

function runWorker(request: TrainingRequest): Promise<BackendResult> {
  const result: BackendResult = { requested: request.backend };
  state.results.push(result);
  state.current = request.backend;
  const worker = new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve) => {
    const finish = () => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (event: MessageEvent<TrainingMessage>) => {
      const message = event.data;
      status.textContent = `${request.backend}: ${message.kind}`;
      if (message.kind === 'backend') {
        result.choice = message.choice;
        result.webgpuAdapter = message.webgpuAdapter;
        result.initMs = message.ms;
      } else if (message.kind === 'sample') {
        result.sample = message.sample;
        result.plan = message.plan;
      } else if (message.kind === 'error') {
        result.error = message.error;
        finish();
      } else finish();
    };
    worker.onerror = (event) => {
      result.error = `worker error: ${event.message}`;
      finish();
    };
    worker.postMessage(request);
  });
}

const params = new URLSearchParams(location.search);
const url = params.get('set');
if (url) {
  const meta = JSON.parse(params.get('meta') ?? '{}') as Omit<NonNullable<TrainingRequest['set']>, 'url'>;
  const backends = (params.get('backends') ?? 'wasm,webgl,cpu,webgpu').split(',') as BackendPreference[];
  const common = { budgetMs: Number(params.get('budget') ?? 30_000), quick: params.get('quick') === '1' };
  (async () => {
    for (const backend of backends) await runWorker({ backend, set: { url, ...meta }, ...common });
    await runWorker({ backend: 'auto', ...common });
    state.current = null;
    state.done = true;
    status.textContent = 'done';
  })().catch((error) => {
    state.error = String(error);
  });
}
