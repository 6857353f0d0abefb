/**
 * The ingest benchmark inside a module Web Worker, where the workbench's
 * loader really runs: fetch the CSV once, then time every contender on the
 * same bytes.
 */
import { runIngest, type IngestSample } from '../ingest-cases.ts';

/** What the worker posts back to the page. */
export type WorkerMessage =
  | { kind: 'loaded'; bytes: number }
  | { kind: 'sample'; sample: IngestSample }
  | { kind: 'done' }
  | { kind: 'error'; error: string };

const post = (message: WorkerMessage) => (self as unknown as Worker).postMessage(message);

self.onmessage = async (event: MessageEvent<{ file: string; runs: number; only?: string[] }>) => {
  try {
    const response = await fetch(event.data.file);
    if (!response.ok) throw new Error(`fetch ${event.data.file}: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    post({ kind: 'loaded', bytes: bytes.byteLength });
    // gc() exists when Chromium runs with --js-flags=--expose-gc.
    const gc = (self as unknown as { gc?: () => void }).gc;
    await runIngest(bytes, {
      runs: event.data.runs,
      now: () => performance.now(),
      gc,
      only: event.data.only,
      onSample: (sample) => post({ kind: 'sample', sample }),
    });
    post({ kind: 'done' });
  } catch (error) {
    post({ kind: 'error', error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) });
  }
};
