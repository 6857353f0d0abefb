import { WorkbenchError } from '../errors.ts';
import { keyedRecord, ownValue } from '../keyed-record.ts';
import { castColumn } from './ingest/cast-column.ts';
import type { DatasetVersion } from './versions/dataset-version.ts';
import type { ColumnInference } from './ingest/inference-types.ts';
import type { ParsedCsv } from './ingest/parse-csv.ts';
import { profileTable } from './profile/profile.ts';
import type { DataProfile } from './profile/profile-types.ts';
import { guessRoles } from './profile/roles.ts';
import { cellText, type ColumnRole, type ColumnSchema, type ColumnType, type DataTable } from './types.ts';

/**
 * The table being worked on before it is saved: the data plus what the user
 * has said about it (type overrides, roles) and where it came from. Drafts
 * are values: every change returns a new draft.
 */
export interface Draft {
  table: DataTable;
  /** From parsing; absent for a draft opened from a saved version. */
  inference?: ColumnInference[];
  /** Keyed by column name: null-prototype records (see keyed-record.ts). */
  inferredTypes: Record<string, ColumnType>;
  roles: Record<string, ColumnRole>;
  sourceName: string;
  source: { fileName: string; sizeBytes: number } | null;
  /** The saved version this draft was opened from (becomes the parent when saved). */
  parentId: string | null;
  notes: string[];
}

/** A draft of freshly parsed CSV, with guessed roles. */
export function draftFromCsv(parsed: ParsedCsv, fileName: string, sizeBytes: number): Draft {
  return {
    table: parsed.table,
    inference: parsed.inference,
    inferredTypes: keyedRecord(parsed.table.columns.map((c) => [c.name, c.type])),
    roles: guessRoles(parsed.table),
    sourceName: fileName,
    source: { fileName, sizeBytes },
    parentId: null,
    notes: parsed.notes,
  };
}

/** A draft of a saved version, keeping its roles and originally inferred types. */
export function draftFromVersion(version: DatasetVersion, table: DataTable): Draft {
  return {
    table,
    inferredTypes: keyedRecord(version.profile.columns.map((c) => [c.name, c.inferredType])),
    roles: keyedRecord(version.schema.map((c) => [c.name, c.role])),
    sourceName: version.name,
    source: version.source,
    parentId: version.id,
    notes: [`Opened saved version ${version.name} (${version.id.slice(0, 12)}).`],
  };
}

/** The draft with one column converted to `type`; `unreadable` cells became missing. */
export function withColumnType(
  draft: Draft,
  name: string,
  type: ColumnType,
): { draft: Draft; unreadable: number; from: ColumnType } {
  const index = columnIndex(draft, name);
  const from = draft.table.columns[index].type;
  const { column, unreadable } = castColumn(draft.table.columns[index], type);
  const columns = draft.table.columns.slice();
  columns[index] = column;
  return { draft: { ...draft, table: { ...draft.table, columns } }, unreadable, from };
}

/** The draft with a column's role set. There is one target at most: a new target turns the old one back into a feature. */
export function withColumnRole(draft: Draft, name: string, role: ColumnRole): Draft {
  columnIndex(draft, name);
  const roles = keyedRecord(Object.entries(draft.roles));
  if (role === 'target') for (const key of Object.keys(roles)) if (roles[key] === 'target') roles[key] = 'feature';
  roles[name] = role;
  return { ...draft, roles };
}

/** Profile and quality warnings of the draft as it stands. */
export function profileDraft(draft: Draft): DataProfile {
  return profileTable(draft.table, {
    roles: draft.roles,
    inferredTypes: draft.inferredTypes,
    inference: draft.inference,
  });
}

/** Names, types and roles: the schema a saved version records. */
export function draftSchema(draft: Draft): ColumnSchema[] {
  return draft.table.columns.map((c) => ({
    name: c.name,
    type: c.type,
    role: ownValue(draft.roles, c.name) ?? 'feature',
  }));
}

/** The first `limit` rows as display text. */
export function previewRows(table: DataTable, limit = 50): { columns: string[]; rows: string[][] } {
  const rows: string[][] = [];
  for (let r = 0; r < Math.min(limit, table.rowCount); r++) rows.push(table.columns.map((c) => cellText(c, r)));
  return { columns: table.columns.map((c) => c.name), rows };
}

function columnIndex(draft: Draft, name: string): number {
  const index = draft.table.columns.findIndex((c) => c.name === name);
  if (index < 0)
    throw new WorkbenchError(
      'draft.no_such_column',
      `There is no column named "${name}" in the loaded data. Pick one of its columns.`,
    );
  return index;
}
