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
Comlink.expose(monitorRunner(new IdbWorkspaceStore(), async () => cachedDriftFunction()));
