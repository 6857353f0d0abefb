/**
 * The monitor worker: windows and drift over the prediction log, Drift lab
 * replays and retraining, each reading and writing the workspace through
 * its own IndexedDB connection (see monitor-protocol.ts).
 */
import * as Comlink from 'comlink';
import { IdbWorkspaceStore } from '../idb-store/idb-workspace-store.ts';
import { monitorRunner } from './monitor-runner.ts';
import { cachedDriftFunction } from '../../core/monitor/drift/index.ts';

// A fresh sort cache per monitoring run: the reference is sorted once for all its windows.
// TF.js is loaded (and its backend picked as the train worker does) only when the model is an MLP.
const tf = async () => (await import('../tf-backend/browser-backend.ts')).selectBackend('auto');
Comlink.expose(monitorRunner(new IdbWorkspaceStore(), async () => cachedDriftFunction(), tf));
