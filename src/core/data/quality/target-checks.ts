import type { ColumnProfile, QualityWarning } from '../profile/profile-types.ts';
import { isNumericColumn, type DataTable } from '../types.ts';
import { isIdentifierLike } from '../profile/identifier-like.ts';
import { LEAKAGE_MIN_ROWS, mapsToOneClass, numericFit, separatesClasses } from './leakage.ts';
import { valueIndex, type ValueIndex } from '../value-index.ts';
import { quotedValue } from './value-text.ts';

/** Numeric columns with at most this many distinct values are treated as categories. */
export const LOW_CARDINALITY = 20;
/** A numeric feature this correlated with a numeric target is a copy of it in disguise. */
export const LEAKAGE_CORRELATION = 0.9999;

const LEAK_ADVICE =
  'This usually means leakage: the column is derived from the target or recorded after it. Set its role to ignore unless its value is really known when you predict.';

/**
 * Checks that need the target (the column whose role is `target`; none, no
 * checks): a target with fewer than two values (an error: nothing to learn),
 * and each feature that predicts it perfectly (likely leakage). A
 * categorical target (strings, booleans, integers with ≤ 20 values) is
 * predicted perfectly by a low-cardinality feature whose every value goes
 * with one class, or by a numeric feature whose ranges per class do not
 * overlap; a numeric target by a feature equal to it or with |r| ≥ 0.9999.
 * Identifier-like features are skipped: they trivially "map" each row.
 *
 * @param profiles in the same order as `table.columns`
 */
export function targetWarnings(table: DataTable, profiles: ColumnProfile[]): QualityWarning[] {
  const at = profiles.findIndex((p) => p.role === 'target');
  if (at < 0) return [];
  const target = profiles[at];
  const targetColumn = table.columns[at];
  if (target.distinct < 2) {
    const only = target.distinct === 1 ? `only one value (${quotedValue(target)})` : 'no values at all';
    return [
      {
        code: 'target-one-class',
        severity: 'error',
        column: target.name,
        message: `The target "${target.name}" has ${only}, so there is nothing to learn. Choose another target column, or load data with at least two ${isCategorical(target) ? 'classes' : 'distinct values'}.`,
      },
    ];
  }
  const warnings: QualityWarning[] = [];
  const categorical = isCategorical(target);
  let classes: ValueIndex | undefined;
  for (let i = 0; i < profiles.length; i++) {
    const feature = profiles[i];
    if (feature.role !== 'feature' || feature.count < LEAKAGE_MIN_ROWS || isIdentifierLike(feature)) continue;
    const column = table.columns[i];
    let finding: string | undefined;
    if (categorical) {
      classes ??= valueIndex(targetColumn);
      if (!isNumericColumn(column) || feature.distinct <= LOW_CARDINALITY) {
        const values = valueIndex(column);
        if (mapsToOneClass(values.index, values.size, classes.index, classes.size)) {
          finding = `each of its ${feature.distinct} values goes with a single class of the target "${target.name}"`;
        }
      } else if (separatesClasses(column.values, classes.index, classes.size)) {
        finding = `its value ranges for the classes of the target "${target.name}" do not overlap, so thresholds on it separate the classes perfectly`;
      }
    } else if (isNumericColumn(column) && isNumericColumn(targetColumn)) {
      const fit = numericFit(column.values, targetColumn.values);
      if (fit.pairs >= LEAKAGE_MIN_ROWS && fit.equal) finding = `it equals the target "${target.name}" in every row`;
      else if (fit.pairs >= LEAKAGE_MIN_ROWS && Math.abs(fit.r) >= LEAKAGE_CORRELATION) {
        finding = `it follows the target "${target.name}" almost exactly (Pearson r = ${fit.r.toFixed(5)})`;
      }
    }
    if (finding) {
      warnings.push({
        code: 'target-leakage',
        severity: 'warning',
        column: feature.name,
        message: `Column "${feature.name}" predicts the target perfectly: ${finding}. ${LEAK_ADVICE}`,
      });
    }
  }
  return warnings;
}

/** Strings, booleans and low-cardinality integers are classes; other numbers are a quantity to regress. */
function isCategorical(target: ColumnProfile): boolean {
  if (target.type === 'number' || target.type === 'datetime') return false;
  if (target.type === 'integer') return target.distinct <= LOW_CARDINALITY;
  return true;
}
