/**
 * The contract between the UI thread and the data worker (types only).
 * Expected failures come back as `{ ok: false, error }` values, because
 * Comlink carries only the name and message of a thrown error.
 */
import type { ErrorInfo } from '../../core/errors.ts';
import type { DatasetDiff } from '../../core/data/diff/diff-types.ts';
import type { DatasetVersion } from '../../core/data/versions/dataset-version.ts';
import type { DataProfile } from '../../core/data/profile/profile-types.ts';
import type { ColumnRole, ColumnType } from '../../core/data/types.ts';
import type { DataFileFormat } from '../../core/data/interchange/file-format.ts';

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export interface Progress {
  /** What is happening, for the progress label. */
  phase: 'reading' | 'parsing' | 'typing' | 'profiling' | 'hashing' | 'saving' | 'loading' | 'exporting';
  /** 0…1 */
  fraction: number;
}

/** The table the worker currently holds (the draft), as the UI sees it. */
export interface LoadedData {
  /** Where it came from: a file name, a sample name, or a version name. */
  sourceName: string;
  sourceSize: number;
  /** Set when the draft is an unchanged saved version. */
  versionId: string | null;
  /** The id the draft would get if saved now. */
  contentId: string;
  /** The version this draft was opened from, to become the parent when saved. */
  parentId: string | null;
  profile: DataProfile;
  /** The first rows as display text, for a preview grid. */
  preview: { columns: string[]; rows: string[][] };
  /** How the file was read: delimiter, encoding, BOM… */
  notes: string[];
}

export interface SaveRequest {
  name: string;
  note: string;
  actor: string;
  /** Save as the next version of this one (lineage parent); absent: the draft's own parent. */
  parentId?: string | null;
}

/** A dataset version written as a file, for download. */
export interface ExportedFile {
  fileName: string;
  mediaType: string;
  bytes: ArrayBuffer;
}

export interface DataWorkerApi {
  /** Parses CSV, Parquet or Arrow IPC bytes (transferred; format from the magic bytes, else the name) into the draft. */
  loadCsv(bytes: ArrayBuffer, fileName: string, onProgress: (p: Progress) => void): Promise<Result<LoadedData>>;
  setColumnType(column: string, type: ColumnType, actor: string): Promise<Result<LoadedData>>;
  setColumnRole(column: string, role: ColumnRole, actor: string): Promise<Result<LoadedData>>;
  saveVersion(
    request: SaveRequest,
    onProgress: (p: Progress) => void,
  ): Promise<Result<{ created: boolean; version: DatasetVersion }>>;
  openVersion(id: string, onProgress: (p: Progress) => void): Promise<Result<LoadedData>>;
  diffVersions(fromId: string, toId: string): Promise<Result<DatasetDiff>>;
  /** How many rows of a saved version miss a value in at least one of `columns` (what "drop the rows" removes). */
  countRowsMissing(versionId: string, columns: string[]): Promise<Result<number>>;
  /** A saved version as a CSV, Parquet or Arrow IPC file (bytes transferred back). */
  exportVersion(id: string, format: DataFileFormat, onProgress: (p: Progress) => void): Promise<Result<ExportedFile>>;
}
