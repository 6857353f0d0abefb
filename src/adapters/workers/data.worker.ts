/**
 * The data worker: parsing, typing, profiling, hashing and saving run here,
 * never on the UI thread. It holds the current draft (the big typed table);
 * the UI only ever receives small summaries (profile, preview, ids).
 * It opens its own connection to the workspace database, so large blobs are
 * written without crossing back to the UI thread.
 */
import * as Comlink from 'comlink';
import { IdbWorkspaceStore } from '../idb-store/idb-workspace-store.ts';
import { columnRoleChanged, columnTypeOverridden } from '../../core/audit/events/data-events.ts';

import { parseCsv } from '../../core/data/ingest/parse-csv.ts';
import { DATA_FILE_TYPES, exportDataFile } from '../../core/data/interchange/export-data-file.ts';
import { fileFormatOf } from '../../core/data/interchange/file-format.ts';
import { readDataFile } from '../../core/data/interchange/read-data-file.ts';
import { decodeTable } from '../../core/data/versions/canonical-encoding.ts';
import { encodeWithId } from '../../core/data/versions/dataset-id.ts';
import { diffDatasets } from '../../core/data/diff/diff.ts';
import {
  draftFromCsv,
  draftFromVersion,
  previewRows,
  profileDraft,
  withColumnRole,
  withColumnType,
  type Draft,
} from '../../core/data/draft.ts';
import type { DataProfile } from '../../core/data/profile/profile-types.ts';
import { saveDraftAsVersion } from '../../core/data/versions/save-version.ts';
import type { DataTable } from '../../core/data/types.ts';
import { rowsMissingAny } from '../../core/data/missing-rows.ts';
import { WorkbenchError, toErrorInfo } from '../../core/errors.ts';
import { ownValue } from '../../core/keyed-record.ts';
import type { DataWorkerApi, LoadedData, Progress, Result } from './data-protocol.ts';

const store = new IdbWorkspaceStore();

interface Current {
  draft: Draft;
  profile: DataProfile;
  encoded: { bytes: Uint8Array; id: string };
  /** Set while the draft is exactly a saved version. */
  versionId: string | null;
}
let current: Current | null = null;

async function attempt<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (!(error instanceof WorkbenchError)) console.error(error);
    return { ok: false, error: toErrorInfo(error) };
  }
}

/** Profiles and hashes a draft: what every change needs before the UI can show it. */
async function settle(draft: Draft, versionId: string | null, onProgress?: (p: Progress) => void): Promise<LoadedData> {
  onProgress?.({ phase: 'profiling', fraction: 0 });
  const profile = profileDraft(draft);
  onProgress?.({ phase: 'hashing', fraction: 0 });
  const encoded = await encodeWithId(draft.table);
  current = { draft, profile, encoded, versionId: versionId === encoded.id ? versionId : null };
  onProgress?.({ phase: 'hashing', fraction: 1 });
  return view(current);
}

function view({ draft, profile, encoded, versionId }: Current): LoadedData {
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

function requireDraft(): Current {
  if (!current) throw new WorkbenchError('draft.none', 'No data is loaded. Load a CSV file or a sample first.');
  return current;
}

async function loadVersionTable(
  id: string,
): Promise<{ version: NonNullable<Awaited<ReturnType<typeof store.getDatasetVersion>>>; table: DataTable }> {
  const version = await store.getDatasetVersion(id);
  const bytes = version && (await store.getBlob(id));
  if (!version || !bytes) {
    throw new WorkbenchError(
      'version.not_found',
      `Dataset version ${id.slice(0, 12)} is not in this workspace. Refresh the versions list.`,
    );
  }
  return { version, table: decodeTable(bytes) };
}

let lastCounted: { id: string; table: DataTable } | null = null;

const api: DataWorkerApi = {
  loadCsv: (buffer, fileName, onProgress) =>
    attempt(async () => {
      onProgress({ phase: 'parsing', fraction: 0 });
      // Parquet and Arrow carry their types: read them whole (no per-row progress to report).
      if (fileFormatOf(new Uint8Array(buffer), fileName) !== 'csv')
        return settle((await readDataFile(new Uint8Array(buffer), fileName)).draft, null, onProgress);
      let last = 0;
      const parsed = parseCsv(new Uint8Array(buffer), {
        onProgress: (fraction) => {
          // Crossing threads costs; report in steps of 2%.
          if (fraction - last >= 0.02 || fraction === 1) {
            last = fraction;
            onProgress({ phase: fraction < 0.5 ? 'parsing' : 'typing', fraction });
          }
        },
      });
      return settle(draftFromCsv(parsed, fileName, buffer.byteLength), null, onProgress);
    }),

  setColumnType: (column, type, actor) =>
    attempt(async () => {
      const before = requireDraft();
      const { draft, unreadable, from } = withColumnType(before.draft, column, type);
      if (from === type) return view(before);
      const loaded = await settle(draft, null);
      await store.appendAudit(
        columnTypeOverridden(
          { at: new Date().toISOString(), actor },
          { column, from, to: type, unreadable, source: draft.sourceName, contentId: loaded.contentId },
        ),
      );
      return loaded;
    }),

  setColumnRole: (column, role, actor) =>
    attempt(async () => {
      const before = requireDraft();
      const from = ownValue(before.draft.roles, column);
      const draft = withColumnRole(before.draft, column, role);
      if (from === role) return view(before);
      // Roles are not part of the data, so the content id is unchanged: only re-profile.
      current = { ...before, draft, profile: profileDraft(draft) };
      await store.appendAudit(
        columnRoleChanged(
          { at: new Date().toISOString(), actor },
          { column, from: from ?? null, to: role, source: draft.sourceName },
        ),
      );
      return view(current);
    }),

  saveVersion: (request, onProgress) =>
    attempt(async () => {
      const { draft, profile, encoded } = requireDraft();
      onProgress({ phase: 'saving', fraction: 0 });
      const result = await saveDraftAsVersion(store, draft, { ...request, now: Date.now(), encoded, profile });
      onProgress({ phase: 'saving', fraction: 1 });
      if (current) current = { ...current, versionId: result.version.id };
      return result;
    }),

  openVersion: (id, onProgress) =>
    attempt(async () => {
      onProgress({ phase: 'loading', fraction: 0 });
      const { version, table } = await loadVersionTable(id);
      return settle(draftFromVersion(version, table), version.id, onProgress);
    }),

  diffVersions: (fromId, toId) =>
    attempt(async () => {
      const [from, to] = await Promise.all([loadVersionTable(fromId), loadVersionTable(toId)]);
      return diffDatasets(from, to);
    }),

  countRowsMissing: (versionId, columns) =>
    attempt(async () => {
      // The Train form asks again on every feature toggle: keep the last table decoded.
      if (lastCounted?.id !== versionId)
        lastCounted = { id: versionId, table: (await loadVersionTable(versionId)).table };
      return rowsMissingAny(lastCounted.table, columns);
    }),

  exportVersion: (id, format, onProgress) =>
    attempt(async () => {
      onProgress({ phase: 'loading', fraction: 0 });
      const { version, table } = await loadVersionTable(id);
      // Encoding is one synchronous call: the bar says which half runs, reading or writing.
      onProgress({ phase: 'exporting', fraction: 0.5 });
      const bytes = exportDataFile(table, version, format);
      const { extension, mediaType } = DATA_FILE_TYPES[format];
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      return Comlink.transfer({ fileName: `${version.name}.${extension}`, mediaType, bytes: buffer }, [buffer]);
    }),
};

Comlink.expose(api);
