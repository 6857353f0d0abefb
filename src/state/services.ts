/**
 * The adapters the state classes talk to, created lazily once per page so
 * that merely importing state starts no worker and opens no database.
 */
import { IdbWorkspaceStore } from '../adapters/idb-store/idb-workspace-store.ts';
import { createDataClient, type DataClient } from '../adapters/workers/data-client.ts';
import type { WorkspaceStore } from '../core/ports.ts';

/** Who the audit log names for actions taken in this browser. */
export const LOCAL_ACTOR = 'local-user';

let store: WorkspaceStore | null = null;
let client: DataClient | null = null;

/** The IndexedDB-backed workspace (database `mlops-workbench`). */
export function workspaceStore(): WorkspaceStore {
  store ??= new IdbWorkspaceStore();
  return store;
}

/** The data worker client, started on first use. */
export function dataClient(): DataClient {
  client ??= createDataClient();
  return client;
}

/** Drops a dead worker so the next call starts a fresh one. */
export function resetDataClient(): void {
  client?.terminate();
  client = null;
}

/** The current time as ISO 8601, for audit drafts written from the UI thread. */
export function nowIso(): string {
  return new Date().toISOString();
}
