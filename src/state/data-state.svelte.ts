/**
 * The draft: the table the data worker holds, as the UI sees it, with the
 * progress of the running step and the last error. Every change goes
 * through the worker; a failed step sets `error` and leaves the draft as it was.
 */
import type { DatasetVersion } from '../core/data/versions/dataset-version.ts';
import type { ColumnRole, ColumnType } from '../core/data/types.ts';
import type { DataFileFormat } from '../core/data/interchange/file-format.ts';
import type { LoadedData, Progress, Result } from '../adapters/workers/data-protocol.ts';
import { SAMPLES, sampleBytes, type SampleDataset } from '../adapters/browser-files/samples.ts';
import { runResult } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

/** What the UI shows of a loaded table (the worker's answer). */
export type { LoadedData };

export interface SaveOutcome {
  created: boolean;
  version: DatasetVersion;
}

export class DataState {
  /** The bundled sample datasets the data view offers. */
  readonly samples = SAMPLES;
  /** The draft, or null before anything is loaded. Replaced, never mutated. */
  loaded = $state.raw<LoadedData | null>(null);
  progress = $state.raw<Progress | null>(null);
  busy = $state(false);
  error = $state<string | null>(null);
  /** The result of the last save of this draft. */
  lastSave = $state.raw<SaveOutcome | null>(null);

  readonly #context: WorkspaceContext;

  constructor(context: WorkspaceContext) {
    this.#context = context;
    // The worker's draft survives an erase, but the data view starts again from nothing.
    context.changes.subscribe(['erased'], () => this.clear());
  }

  #onProgress = (progress: Progress): void => {
    // A progress message can arrive after its call returned: ignore it then.
    if (this.busy) this.progress = progress;
  };

  /** Reads a picked or dropped file and parses it in the worker. */
  async loadFile(file: File): Promise<boolean> {
    return this.#load(async () => {
      const bytes = await this.#context.files.readBytes(file);
      return this.#context.data.loadCsv(bytes, file.name, this.#onProgress);
    });
  }

  /** Loads a bundled sample through the same worker path as a file. */
  async loadSample(sample: SampleDataset): Promise<boolean> {
    return this.#load(() => this.#context.data.loadCsv(sampleBytes(sample), sample.fileName, this.#onProgress));
  }

  /** Opens a saved version back into the draft. */
  async openVersion(id: string): Promise<boolean> {
    return this.#load(() => this.#context.data.openVersion(id, this.#onProgress));
  }

  /** Overrides a column's type; the worker re-profiles and records an audit event. */
  async setColumnType(column: string, type: ColumnType): Promise<boolean> {
    return this.#edit(() => this.#context.data.setColumnType(column, type, this.#context.actor()));
  }

  /** Changes a column's role (feature, target, …). */
  async setColumnRole(column: string, role: ColumnRole): Promise<boolean> {
    return this.#edit(() => this.#context.data.setColumnRole(column, role, this.#context.actor()));
  }

  /**
   * Saves the draft as a dataset version (nothing new if identical data is
   * already saved); `parentId` makes it the next version of that one.
   */
  async save(name: string, note: string, parentId?: string | null): Promise<boolean> {
    const request = { name, note, actor: this.#context.actor(), ...(parentId !== undefined && { parentId }) };
    const ok = await this.#step(
      () => this.#context.data.saveVersion(request, this.#onProgress),
      (value) => {
        this.lastSave = value;
        if (this.loaded) this.loaded = { ...this.loaded, versionId: value.version.id };
      },
    );
    if (ok) await this.#context.changes.notify('datasetVersions', 'audit');
    return ok;
  }

  /** Writes a saved version as a CSV, Parquet or Arrow file in the worker and downloads it. */
  async exportVersion(id: string, format: DataFileFormat): Promise<boolean> {
    return this.#step(
      () => this.#context.data.exportVersion(id, format, this.#onProgress),
      (file) => this.#context.files.download(file.fileName, new Uint8Array(file.bytes), file.mediaType),
    );
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

  /** A column edit: the worker records it in the audit log (unless nothing changed). */
  async #edit(call: () => Promise<Result<LoadedData>>): Promise<boolean> {
    const ok = await this.#step(call, (value) => {
      this.loaded = value;
    });
    if (ok) await this.#context.changes.notify('audit');
    return ok;
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
