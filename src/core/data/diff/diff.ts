import type { DatasetVersion } from '../versions/dataset-version.ts';
import type { DatasetDiff, StatChange } from './diff-types.ts';
import type { ColumnProfile } from '../profile/profile-types.ts';
import { cellText, isNumericColumn, type Column, type DataTable, type StringColumn } from '../types.ts';
import { rowHashes } from '../row-hash.ts';

/** One side of a diff: a saved version and its table. */
export interface DiffSide {
  version: DatasetVersion;
  table: DataTable;
}

/** Example rows listed per direction. */
const SAMPLE_ROWS = 5;
const NUMERIC_STATS = ['mean', 'std', 'min', 'max', 'median'] as const;

/**
 * What changed from one dataset version to another: columns added, removed
 * and retyped (by name, from the two schemas); rows added, removed and
 * unchanged, compared as multisets of row hashes over the columns both
 * tables share (a row twice before and once after is one removed); up to
 * five example rows each way; and the stored profiles' statistics that
 * differ for shared columns.
 *
 * A shared column that is numeric on one side and text on the other
 * (say zip codes retyped from integer to category) is compared by display
 * text, so retyping alone changes no rows.
 *
 * @example
 * const diff = diffDatasets({ version: v1, table: t1 }, { version: v2, table: t2 });
 * diff.rowsAdded // 12
 */
export function diffDatasets(from: DiffSide, to: DiffSide): DatasetDiff {
  const fromSchema = new Map(from.version.schema.map((c) => [c.name, c]));
  const toSchema = new Map(to.version.schema.map((c) => [c.name, c]));
  const columnsAdded = to.version.schema.filter((c) => !fromSchema.has(c.name));
  const columnsRemoved = from.version.schema.filter((c) => !toSchema.has(c.name));
  const columnsRetyped = from.version.schema.flatMap((c) => {
    const other = toSchema.get(c.name);
    return other && other.type !== c.type ? [{ name: c.name, from: c.type, to: other.type }] : [];
  });

  const toColumns = new Map(to.table.columns.map((c) => [c.name, c]));
  const shared = from.table.columns.filter((c) => toColumns.has(c.name));
  const comparedColumns = shared.map((c) => c.name);
  const fromHashed: Column[] = [];
  const toHashed: Column[] = [];
  for (const column of shared) {
    const other = toColumns.get(column.name)!;
    const sameKind = isNumericColumn(column) === isNumericColumn(other);
    fromHashed.push(sameKind ? column : asText(column, from.table.rowCount));
    toHashed.push(sameKind ? other : asText(other, to.table.rowCount));
  }
  const fromHashes = rowHashes({ rowCount: from.table.rowCount, columns: fromHashed }, comparedColumns);
  const toHashes = rowHashes({ rowCount: to.table.rowCount, columns: toHashed }, comparedColumns);

  // Multiset difference: each `to` row consumes one equal `from` row if any is left.
  const left = new Map<number, number>();
  for (let i = 0; i < fromHashes.length; i++) left.set(fromHashes[i], (left.get(fromHashes[i]) ?? 0) + 1);
  const sampleAdded: string[][] = [];
  let rowsUnchanged = 0;
  for (let i = 0; i < toHashes.length; i++) {
    const n = left.get(toHashes[i]);
    if (n) {
      left.set(toHashes[i], n - 1);
      rowsUnchanged++;
    } else if (sampleAdded.length < SAMPLE_ROWS) sampleAdded.push(rowText(to.table, comparedColumns, i));
  }
  const sampleRemoved: string[][] = [];
  for (let i = 0; i < fromHashes.length && sampleRemoved.length < SAMPLE_ROWS; i++) {
    const n = left.get(fromHashes[i]);
    if (n) {
      left.set(fromHashes[i], n - 1);
      sampleRemoved.push(rowText(from.table, comparedColumns, i));
    }
  }

  return {
    fromId: from.version.id,
    toId: to.version.id,
    columnsAdded,
    columnsRemoved,
    columnsRetyped,
    comparedColumns,
    rowsAdded: to.table.rowCount - rowsUnchanged,
    rowsRemoved: from.table.rowCount - rowsUnchanged,
    rowsUnchanged,
    sampleAdded,
    sampleRemoved,
    statChanges: statChanges(from.version, to.version, comparedColumns),
  };
}

/** Stored-profile statistics of shared columns that differ, in column order then mean, std, min, max, median, missing, distinct. */
function statChanges(from: DatasetVersion, to: DatasetVersion, columns: string[]): StatChange[] {
  const fromProfiles = new Map(from.profile.columns.map((c) => [c.name, c]));
  const toProfiles = new Map(to.profile.columns.map((c) => [c.name, c]));
  const changes: StatChange[] = [];
  for (const column of columns) {
    const a = fromProfiles.get(column);
    const b = toProfiles.get(column);
    if (!a || !b) continue;
    for (const stat of NUMERIC_STATS) {
      if (a.numeric && b.numeric && a.numeric[stat] !== b.numeric[stat]) {
        changes.push({ column, stat, from: a.numeric[stat], to: b.numeric[stat] });
      }
    }
    for (const stat of ['missing', 'distinct'] as const satisfies (keyof ColumnProfile)[]) {
      if (a[stat] !== b[stat]) changes.push({ column, stat, from: a[stat], to: b[stat] });
    }
  }
  return changes;
}

/** A numeric column re-encoded as the text it displays, so it can be compared with a text column. */
function asText(column: Column, rowCount: number): Column {
  if (!isNumericColumn(column)) return column;
  const codes = new Int32Array(rowCount);
  const dictionary: string[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < rowCount; i++) {
    if (Number.isNaN(column.values[i])) {
      codes[i] = -1;
      continue;
    }
    const text = cellText(column, i);
    let code = seen.get(text);
    if (code === undefined) {
      code = dictionary.push(text) - 1;
      seen.set(text, code);
    }
    codes[i] = code;
  }
  const text: StringColumn = { name: column.name, type: 'category', codes, dictionary };
  return text;
}

function rowText(table: DataTable, names: string[], row: number): string[] {
  return names.map((name) =>
    cellText(
      table.columns.find((c) => c.name === name)!,
      row,
    ),
  );
}
