import { ownValue } from '../../keyed-record.ts';
import type { ColumnInference } from '../ingest/inference-types.ts';
import type { DataProfile } from './profile-types.ts';
import type { ColumnRole, ColumnType, DataTable } from '../types.ts';
import { profileColumn } from './column-profile.ts';
import { duplicateRowCount } from '../quality/duplicate-rows.ts';
import { qualityWarnings } from '../quality/quality-checks.ts';

/** What {@link profileTable} needs besides the table. */
export interface ProfileOptions {
  /** Role per column name; a column not listed is a feature. */
  roles: Record<string, ColumnRole>;
  /** What inference chose per column before user overrides; defaults to `inference`'s type, then to the column's type. */
  inferredTypes?: Record<string, ColumnType>;
  /** Type inference's per-column counts, for the mixed-types warning. */
  inference?: ColumnInference[];
}

/**
 * Profiles every column of `table` (counts, exact distinct values, numeric
 * statistics, histograms, top values), counts duplicate rows, and runs the
 * data-quality checks. Pure and synchronous: typed arrays in, a plain
 * structured-cloneable (and JSON-safe) object out. About 0.8 s for a
 * million rows by 20 columns in Node; the time goes to sorting numeric
 * columns (exact quartiles and distinct counts) and hashing rows.
 *
 * @example
 * const profile = profileTable(table, { roles: guessRoles(table) });
 * profile.columns[0].distinct // 3
 */
export function profileTable(table: DataTable, options: ProfileOptions): DataProfile {
  const inferredByName = new Map((options.inference ?? []).map((c) => [c.name, c.type]));
  const profiles = table.columns.map((column) =>
    profileColumn(
      column,
      ownValue(options.roles, column.name) ?? 'feature',
      ownValue(options.inferredTypes, column.name) ?? inferredByName.get(column.name) ?? column.type,
    ),
  );
  const duplicateRows = duplicateRowCount(table);
  return {
    rowCount: table.rowCount,
    columnCount: table.columns.length,
    duplicateRows,
    columns: profiles,
    warnings: qualityWarnings({ table, profiles, inference: options.inference, duplicateRows }),
  };
}
