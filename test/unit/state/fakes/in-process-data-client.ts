/**
 * The data worker's work done in-process, over any store: the same core
 * functions the worker calls (parse, profile, hash, save, diff), without
 * the worker. `failNext` makes the next call fail as the worker would
 * report it; `crashNext` makes it throw as a dead worker does.
 */
import type { DataClient, ProgressListener } from '../../../../src/adapters/workers/data-client.ts';
import type { LoadedData, Result } from '../../../../src/adapters/workers/data-protocol.ts';
import { columnRoleChanged, columnTypeOverridden } from '../../../../src/core/audit/events/data-events.ts';
import { diffDatasets } from '../../../../src/core/data/diff/diff.ts';
import {
  draftFromVersion,
  previewRows,
  profileDraft,
  withColumnRole,
  withColumnType,
  type Draft,
} from '../../../../src/core/data/draft.ts';
import { DATA_FILE_TYPES, exportDataFile } from '../../../../src/core/data/interchange/export-data-file.ts';
import type { DataFileFormat } from '../../../../src/core/data/interchange/file-format.ts';
import { readDataFile } from '../../../../src/core/data/interchange/read-data-file.ts';
import { rowsMissingAny } from '../../../../src/core/data/missing-rows.ts';
import type { DataProfile } from '../../../../src/core/data/profile/profile-types.ts';
import { decodeTable } from '../../../../src/core/data/versions/canonical-encoding.ts';
import { encodeWithId } from '../../../../src/core/data/versions/dataset-id.ts';
import { saveDraftAsVersion } from '../../../../src/core/data/versions/save-version.ts';
import { WorkbenchError, toErrorInfo, type ErrorInfo } from '../../../../src/core/errors.ts';
import type { WorkspaceStore } from '../../../../src/core/ports.ts';

interface Current {
  draft: Draft;
  profile: DataProfile;
  encoded: { bytes: Uint8Array; id: string };
  versionId: string | null;
}

export class InProcessDataClient implements DataClient {
  /** The next call answers this error instead of working. */
  failNext: ErrorInfo | null = null;
  /** The next call throws this, as a crashed worker's call does. */
  crashNext: Error | null = null;
  calls = 0;
  terminated = 0;
  #current: Current | null = null;

  constructor(
    private readonly store: WorkspaceStore,
    private readonly nowMs: () => number,
  ) {}

  loadCsv(bytes: ArrayBuffer, fileName: string): Promise<Result<LoadedData>> {
    return this.#attempt(async () => this.#settle((await readDataFile(new Uint8Array(bytes), fileName)).draft, null));
  }

  setColumnType(column: string, type: Parameters<DataClient['setColumnType']>[1], actor: string) {
    return this.#attempt(async () => {
      const before = this.#require();
      const { draft, unreadable, from } = withColumnType(before.draft, column, type);
      if (from === type) return this.#view(before);
      const loaded = await this.#settle(draft, null);
      await this.store.appendAudit(
        columnTypeOverridden(
          { at: new Date(this.nowMs()).toISOString(), actor },
          { column, from, to: type, unreadable, source: draft.sourceName, contentId: loaded.contentId },
        ),
      );
      return loaded;
    });
  }

  setColumnRole(column: string, role: Parameters<DataClient['setColumnRole']>[1], actor: string) {
    return this.#attempt(async () => {
      const before = this.#require();
      const from = before.draft.roles[column];
      if (from === role) return this.#view(before);
      const draft = withColumnRole(before.draft, column, role);
      this.#current = { ...before, draft, profile: profileDraft(draft) };
      await this.store.appendAudit(
        columnRoleChanged(
          { at: new Date(this.nowMs()).toISOString(), actor },
          { column, from: from ?? null, to: role, source: draft.sourceName },
        ),
      );
      return this.#view(this.#current);
    });
  }

  saveVersion(request: { name: string; note: string; actor: string; parentId?: string | null }) {
    return this.#attempt(async () => {
      const { draft, profile, encoded } = this.#require();
      const result = await saveDraftAsVersion(this.store, draft, { ...request, now: this.nowMs(), encoded, profile });
      if (this.#current) this.#current = { ...this.#current, versionId: result.version.id };
      return result;
    });
  }

  openVersion(id: string) {
    return this.#attempt(async () => {
      const { version, table } = await this.#side(id);
      return this.#settle(draftFromVersion(version, table), version.id);
    });
  }

  diffVersions(fromId: string, toId: string) {
    return this.#attempt(async () => diffDatasets(await this.#side(fromId), await this.#side(toId)));
  }

  countRowsMissing(versionId: string, columns: string[]) {
    return this.#attempt(async () => rowsMissingAny((await this.#side(versionId)).table, columns));
  }

  exportVersion(id: string, format: DataFileFormat, onProgress: ProgressListener = () => {}) {
    return this.#attempt(async () => {
      onProgress({ phase: 'loading', fraction: 0 });
      const { version, table } = await this.#side(id);
      onProgress({ phase: 'exporting', fraction: 0.5 });
      const bytes = exportDataFile(table, version, format);
      const { extension, mediaType } = DATA_FILE_TYPES[format];
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      return { fileName: `${version.name}.${extension}`, mediaType, bytes: buffer };
    });
  }

  terminate(): void {
    this.terminated += 1;
  }

  async #attempt<T>(work: () => Promise<T>): Promise<Result<T>> {
    this.calls += 1;
    const crash = this.crashNext;
    const failure = this.failNext;
    this.crashNext = null;
    this.failNext = null;
    if (crash) throw crash;
    if (failure) return { ok: false, error: failure };
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) };
    }
  }

  async #settle(draft: Draft, versionId: string | null): Promise<LoadedData> {
    const encoded = await encodeWithId(draft.table);
    this.#current = {
      draft,
      profile: profileDraft(draft),
      encoded,
      versionId: versionId === encoded.id ? versionId : null,
    };
    return this.#view(this.#current);
  }

  #view({ draft, profile, encoded, versionId }: Current): LoadedData {
    return {
      sourceName: draft.sourceName,
      sourceSize: draft.source?.sizeBytes ?? encoded.bytes.byteLength,
      versionId,
      contentId: encoded.id,
      parentId: draft.parentId,
      profile,
      preview: previewRows(draft.table),
      notes: draft.notes,
    };
  }

  #require(): Current {
    if (!this.#current) throw new WorkbenchError('draft.none', 'No data is loaded. Load a CSV file or a sample first.');
    return this.#current;
  }

  async #side(id: string) {
    const version = await this.store.getDatasetVersion(id);
    const bytes = version && (await this.store.getBlob(id));
    if (!version || !bytes) throw new WorkbenchError('version.not_found', `Dataset version ${id} is not stored.`);
    return { version, table: decodeTable(bytes) };
  }
}
