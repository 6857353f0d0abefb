/**
 * The benchmark page: starts the ingest worker on `?file=<url>&runs=N` and
 * publishes its messages on `window.__bench` for the driver to poll.
 */
import type { IngestSample } from '../ingest-cases.ts';
import type { WorkerMessage } from './ingest.worker.ts';

interface BenchState {
  samples: IngestSample[];
  bytes?: number;
  done: boolean;
  error?: string;
}

const state: BenchState = { samples: [], done: false };
(window as unknown as { __bench: BenchState }).__bench = state;

const params = new URLSearchParams(location.search);
const file = params.get('file');
const status = document.getElementById('status')!;
if (file) {
  const worker = new Worker(new URL('./ingest.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
    const message = event.data;
    if (message.kind === 'loaded') state.bytes = message.bytes;
    else if (message.kind === 'sample') state.samples.push(message.sample);
    else if (message.kind === 'done') state.done = true;
    else state.error = message.error;
    status.textContent = JSON.stringify(message);
  };
  worker.onerror = (event) => {
    state.error = `worker error: ${event.message}`;
  };
  worker.postMessage({ file, runs: Number(params.get('runs') ?? 3), only: params.get('only')?.split(',') });
}
