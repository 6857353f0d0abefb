/**
 * Everything the state classes reach outside themselves, handed to their
 * constructors: the store, the clock, who is acting, the workers, the
 * browser's files and storage quota, and the bus that says what changed.
 * The app builds the real one once (app-context.ts); tests build one over
 * the memory store with small fakes.
 */
import type { WorkspaceStore } from '../core/ports.ts';
import type { StorageInfo } from '../adapters/storage-quota/storage-info.ts';
import type { DataClient } from '../adapters/workers/data-client.ts';
import type { PredictClient } from '../adapters/workers/predict-client.ts';
import type { TrainJob } from '../adapters/workers/train-client.ts';
import type { TrainEvent, TrainRequest } from '../adapters/workers/train-protocol.ts';
import type { WorkspaceChanges } from './workspace-changes.ts';

/** Starts training runs, each in its own worker. */
export interface Trainer {
  start(request: TrainRequest, onEvent: (event: TrainEvent) => void): TrainJob;
  /** Where runs train, as a run's environment records it (e.g. `browser: <user agent>`). */
  platform: string;
}

/** Reading picked files and handing files to the user. */
export interface FileAccess {
  readBytes(file: Blob): Promise<ArrayBuffer>;
  download(fileName: string, content: Uint8Array | string, type: string): void;
}

/** The browser's storage figures and persistence request. */
export interface StorageQuota {
  info(): Promise<StorageInfo>;
  persist(): Promise<boolean>;
}

export interface WorkspaceContext {
  store: WorkspaceStore;
  /** The current time as ISO 8601, for events written from the UI thread. */
  now(): string;
  /** The name to put on an event written now. */
  actor(): string;
  changes: WorkspaceChanges;
  /** The data worker (it holds the draft). */
  data: DataClient;
  trainer: Trainer;
  /** The predict worker (it keeps the versions it loaded). */
  predict: PredictClient;
  files: FileAccess;
  quota: StorageQuota;
}
