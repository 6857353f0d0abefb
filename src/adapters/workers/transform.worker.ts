/**
 * The transform worker: applies Transform recipes to dataset versions and
 * saves the results, off the UI thread. Like the data worker it opens its
 * own connection to the workspace database, so tables never cross threads.
 */
import * as Comlink from 'comlink';
import { IdbWorkspaceStore } from '../idb-store/idb-workspace-store.ts';
import { transformService } from './transform-service.ts';

Comlink.expose(transformService(new IdbWorkspaceStore(), () => Date.now()));
