/**
 * The draft: the table the data worker holds, as the UI sees it, with the
 * progress of the running step and the last error. Every change goes
 * through the worker; a failed step sets `error` and leaves the draft as it was.
 */
import type { DatasetVersion } from '../core/data/versions/dataset-version.ts';
import type { ColumnRole, ColumnType } from '../core/data/types.ts';
import type { LoadedData, Progress, Result } from '../adapters/workers/data-protocol.ts';
import { readFileBytes } from '../adapters/browser-files/read-file.ts';
import { SAMPLES, sampleBytes, type SampleDataset } from '../adapters/browser-files/samples.ts';

/** What the UI shows of a loaded table (the worker's answer). */
export type { LoadedData };
import { currentActor } from './actor-state.svelte.ts';
import { dataClient } from './services.ts';
import { runResult } from './run-result.ts';
import { refreshWorkspace } from './workspace-refresh.ts';

export interface SaveOutcome {
  created: boolean;
  version: DatasetVersion;
}

export class DataState {
  /** The draft, or null before anything is loaded. Replaced, never mutated. */
  /** The bundled sample datasets the data view offers. */
  readonly samples = SAMPLES;
  loaded = $state.raw<LoadedData | null>(null);
  progress = $state.raw<Progress | null>(null);
  busy = $state(false);
  error = $state<string | null>(null);
  /** The result of the last save of this draft. */
  lastSave = $state.raw<SaveOutcome | null>(null);

  #onProgress = (progress: Progress): void => {
    // A progress message can arrive after its call returned: ignore it then.
    if (this.busy) this.progress = progress;
  };

  /** Reads a picked or dropped file and parses it in the worker. */
  async loadFile(file: File): Promise<boolean> {
    return this.#load(async () => {
      const bytes = await readFileBytes(file);
      return dataClient().loadCsv(bytes, file.name, this.#onProgress);
    });
  }

  /** Loads a bundled sample through the same worker path as a file. */
  async loadSample(sample: SampleDataset): Promise<boolean> {
    return this.#load(() => dataClient().loadCsv(sampleBytes(sample), sample.fileName, this.#onProgress));
  }

  /** Opens a saved version back into the draft. */
  async openVersion(id: string): Promise<boolean> {
    return this.#load(() => dataClient().openVersion(id, this.#onProgress));
  }

  /** Overrides a column's type; the worker re-profiles and records an audit event. */
  async setColumnType(column: string, type: ColumnType): Promise<boolean> {
    const ok = await this.#step(
      () => dataClient().setColumnType(column, type, currentActor()),
      (value) => {
        this.loaded = value;
      },
    );
    if (ok) void refreshWorkspace();
    return ok;
  }

  /** Changes a column's role (feature, target, …). */
  async setColumnRole(column: string, role: ColumnRole): Promise<boolean> {
    const ok = await this.#step(
      () => dataClient().setColumnRole(column, role, currentActor()),
      (value) => {
        this.loaded = value;
      },
    );
    if (ok) void refreshWorkspace();
    return ok;
  }

  /** Saves the draft as a dataset version (nothing new if identical data is already saved). */
  async save(name: string, note: string): Promise<boolean> {
    const ok = await this.#step(
      () => dataClient().saveVersion({ name, note, actor: currentActor() }, this.#onProgress),
      (value) => {
        this.lastSave = value;
        if (this.loaded) this.loaded = { ...this.loaded, versionId: value.version.id };
      },
    );
    if (ok) void refreshWorkspace();
    return ok;
  }

  /** Forgets the draft (after the workspace was erased). */
  clear(): void {
    this.loaded = null;
    this.lastSave = null;
    this.progress = null;
    this.error = null;
  }

  dismissError(): void {
    this.error = null;
  }

  async #load(call: () => Promise<Result<LoadedData>>): Promise<boolean> {
    return this.#step(call, (value) => {
      this.loaded = value;
      this.lastSave = null;
    });
  }

  async #step<T>(call: () => Promise<Result<T>>, apply: (value: T) => void): Promise<boolean> {
    if (this.busy) {
      this.error = 'Another step is still running. Wait for it to finish, then try again.';
      return false;
    }
    this.busy = true;
    this.error = null;
    this.progress = null;
    const outcome = await runResult(call);
    this.busy = false;
    this.progress = null;
    if (!outcome.ok) {
      this.error = outcome.message;
      return false;
    }
    apply(outcome.value);
    return true;
  }
}

/** The app's one draft. */
export const data = new DataState();
