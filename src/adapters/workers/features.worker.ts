/**
 * The features worker: point-in-time joins, materialization and online
 * lookups off the UI thread. It opens its own connection to the workspace
 * database, so source tables and feature frames never cross threads.
 */
import * as Comlink from 'comlink';
import { IdbWorkspaceStore } from '../idb-store/idb-workspace-store.ts';
import { featuresService } from './features-service.ts';

Comlink.expose(featuresService(new IdbWorkspaceStore(), () => Date.now()));
