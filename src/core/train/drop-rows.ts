import { isNumericColumn, isMissing, type DataTable } from '../data/types.ts';
import type { PreprocessingSpec } from './pipeline-spec.ts';

/**
 * Rows that `drop` imputation leaves out: those with a missing cell in a
 * feature whose kind (numeric or categorical) is set to `drop`. 1 = dropped.
 *
 * @example
 * droppedRows(titanic, ['age', 'sex'], { numeric: { impute: 'drop', standardize: true }, categorical: { impute: 'most_frequent' } })
 */
export function droppedRows(table: DataTable, features: string[], pre: PreprocessingSpec): Uint8Array {
  const mask = new Uint8Array(table.rowCount);
  for (const column of table.columns) {
    if (!features.includes(column.name)) continue;
    const impute = isNumericColumn(column) ? pre.numeric.impute : pre.categorical.impute;
    if (impute !== 'drop') continue;
    for (let r = 0; r < table.rowCount; r++) if (isMissing(column, r)) mask[r] = 1;
  }
  return mask;
}
