/**
 * The monitor worker: windows and drift over the prediction log, Drift lab
 * replays and retraining, each reading and writing the workspace through
 * its own IndexedDB connection (see monitor-protocol.ts).
 */
import * as Comlink from 'comlink';
import { IdbWorkspaceStore } from '../idb-store/idb-workspace-store.ts';
import { monitorRunner } from './monitor-runner.ts';
// Until the drift module lands: then `(await import('../../core/monitor/drift/index.ts')).computeDriftReport`.
import { interimDrift } from '../../core/monitor/interim-drift.ts';

Comlink.expose(monitorRunner(new IdbWorkspaceStore(), async () => interimDrift));
