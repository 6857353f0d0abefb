/**
 * The predict worker: parses and scores CSVs, scores and explains typed-in
 * rows, and times requests, off the UI thread. It reads model versions from
 * the workspace database itself and keeps them loaded between requests.
 */
import * as Comlink from 'comlink';
import { modelEntry } from '../../core/models/catalogue.ts';
import { IdbWorkspaceStore } from '../idb-store/idb-workspace-store.ts';
import { predictEngine } from './predict-engine.ts';
import type { PredictWorkerApi } from './predict-protocol.ts';

const engine = predictEngine(new IdbWorkspaceStore(), {
  clock: () => performance.now(),
  // TF.js (and its WASM) is loaded only when an MLP is scored.
  async runtimeFor(kind) {
    if (modelEntry(kind).runtime !== 'tfjs') return null;
    const { selectBackend } = await import('../tf-backend/browser-backend.ts');
    return (await selectBackend('auto')).runtime;
  },
});

const api: PredictWorkerApi = {
  describe: (versionId) => engine.describe(versionId),
  scoreRow: (versionId, row) => engine.scoreRow(versionId, row),
  // The predictions file goes back as a transferred buffer, not a copy.
  async scoreCsv(versionId, file, onProgress) {
    const result = await engine.scoreCsv(versionId, file, onProgress);
    return result.ok ? Comlink.transfer(result, [result.value.csv.buffer]) : result;
  },
};

Comlink.expose(api);
