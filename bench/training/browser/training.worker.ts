/**
 * One backend's MLP throughput inside a module Web Worker, where the app's
 * training runs: the app's own `selectBackend` picks and starts the backend,
 * then the shared MLP case (`trainMlp`) is timed on the fetched set. A fresh
 * worker per backend, so no backend's state leaks into the next.
 */
import type { BackendChoice, BackendPreference } from '../../../src/adapters/tf-backend/browser-backend.ts';
import { selectBackend } from '../../../src/adapters/tf-backend/browser-backend.ts';
import { planMlp, timeMlp, type BenchSet, type MlpPlan, type MlpSample } from '../mlp-case.ts';

/** What the page asks for: a backend, and the set to train on (absent: only report the choice). */
export interface TrainingRequest {
  backend: BackendPreference;
  set?: { url: string; features: number; classes: number; trainRows: number; testRows: number };
  budgetMs: number;
  quick: boolean;
}

/** What the worker posts back. */
export type TrainingMessage =
  | { kind: 'backend'; choice: BackendChoice; webgpuAdapter: string | null; ms: number }
  | { kind: 'sample'; sample: MlpSample; plan: MlpPlan }
  | { kind: 'done' }
  | { kind: 'error'; error: string };

const post = (message: TrainingMessage) => (self as unknown as Worker).postMessage(message);

/** The WebGPU adapter's description (vendor, architecture), or null when there is none. */
async function describeWebGpu(): Promise<string | null> {
  type Adapter = { info?: Record<string, string> };
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<Adapter | null> } }).gpu;
  if (!gpu) return null;
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return 'no adapter';
    const info = adapter.info ?? {};
    return (
      ['vendor', 'architecture', 'device', 'description']
        .map((k) => info[k])
        .filter(Boolean)
        .join(' / ') || 'adapter without info'
    );
  } catch (error) {
    return `requestAdapter failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

self.onmessage = async (event: MessageEvent<TrainingRequest>) => {
  const request = event.data;
  try {
    const start = performance.now();
    const choice = await selectBackend(request.backend);
    post({ kind: 'backend', choice, webgpuAdapter: await describeWebGpu(), ms: performance.now() - start });
    // A backend that fell back to another is reported, not timed under the wrong name.
    if (request.set && (request.backend === 'auto' || choice.name === request.backend)) {
      const response = await fetch(request.set.url);
      if (!response.ok) throw new Error(`fetch ${request.set.url}: HTTP ${response.status}`);
      const bytes = await response.arrayBuffer();
      const { features, classes, trainRows, testRows } = request.set;
      const n = trainRows + testRows;
      const set: BenchSet = {
        x: new Float64Array(bytes, 0, n * features),
        y: new Int32Array(bytes, n * features * 8, n),
        features,
        classes,
        trainRows,
        testRows,
      };
      const now = () => performance.now();
      const plan: MlpPlan = request.quick
        ? { rows: Math.min(trainRows, 5_000), epochs: 2, probeExamplesPerSec: NaN, note: 'quick mode' }
        : await planMlp(set, request.budgetMs, now);
      const sample = await timeMlp(set, plan.rows, { epochs: plan.epochs, now });
      post({ kind: 'sample', sample, plan });
    }
    post({ kind: 'done' });
  } catch (error) {
    post({ kind: 'error', error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) });
  }
};
