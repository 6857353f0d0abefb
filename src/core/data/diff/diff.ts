import type { DatasetVersion } from '../versions/dataset-version.ts';
import type { ChangedRow, DatasetDiff, StatChange } from './diff-types.ts';
import { changedCells, keyColumn, pairLeftovers } from './pair-rows.ts';
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
/** Changed rows listed, each with its changed cells marked. */
const SAMPLE_CHANGED = 10;
const NUMERIC_STATS = ['mean', 'std', 'min', 'max', 'median'] as const;

/**
 * What changed from one dataset version to another: columns added, removed
 * and retyped (by name, from the two schemas); rows unchanged, compared as
 * multisets of row hashes over the columns both tables share (a row twice
 * before and once after is one removed); the rows left over paired into
 * changed rows — by a key column when one names every row on both sides,
 * else in order when both sides have as many rows — and the rest added or
 * removed; example rows of each, changed cells marked; and the stored
 * profiles' statistics that differ for shared columns.
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
  const toLeft: number[] = [];
  let rowsUnchanged = 0;
  for (let i = 0; i < toHashes.length; i++) {
    const n = left.get(toHashes[i]);
    if (n) {
      left.set(toHashes[i], n - 1);
      rowsUnchanged++;
    } else toLeft.push(i);
  }
  const fromLeft: number[] = [];
  for (let i = 0; i < fromHashes.length; i++) {
    const n = left.get(fromHashes[i]);
    if (n) {
      left.set(fromHashes[i], n - 1);
      fromLeft.push(i);
    }
  }

  // What is left over is either a changed row (paired by key or position) or added / removed.
  const key = keyColumn(
    comparedColumns,
    { ...from.version, profile: from.version.profile.columns, rowCount: from.table.rowCount },
    { ...to.version, profile: to.version.profile.columns, rowCount: to.table.rowCount },
  );
  const { pairing, pairs, added, removed } = pairLeftovers(from.table, to.table, fromLeft, toLeft, key);
  const sampleChanged: ChangedRow[] = [];
  let rowsChanged = 0;
  for (const pair of pairs) {
    const changed = changedCells(fromHashed, toHashed, pair);
    if (changed.length === 0) {
      rowsUnchanged++; // equal as displayed (a hash collision cannot hide a change, only this can)
      continue;
    }
    rowsChanged++;
    if (sampleChanged.length < SAMPLE_CHANGED)
      sampleChanged.push({
        fromRow: pair.from,
        toRow: pair.to,
        from: rowText(from.table, comparedColumns, pair.from),
        to: rowText(to.table, comparedColumns, pair.to),
        changed,
      });
  }
  const sampleAdded = added.slice(0, SAMPLE_ROWS).map((r) => rowText(to.table, comparedColumns, r));
  const sampleRemoved = removed.slice(0, SAMPLE_ROWS).map((r) => rowText(from.table, comparedColumns, r));

  return {
    fromId: from.version.id,
    toId: to.version.id,
    columnsAdded,
    columnsRemoved,
    columnsRetyped,
    comparedColumns,
    rowsAdded: added.length,
    rowsRemoved: removed.length,
    rowsChanged,
    rowsUnchanged,
    pairing,
    sampleAdded,
    sampleRemoved,
    sampleChanged,
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
