import type { ColumnProfile } from './profile-types.ts';
import type { Column, ColumnRole, ColumnType } from '../types.ts';
import { isNumericColumn } from '../types.ts';
import { sortValues } from './sort-values.ts';
import { numericStats } from './numeric-stats.ts';
import { histogramEdges, histogramSorted } from './histogram.ts';
import { codeCounts, distinctFromCounts, distinctSorted } from './distinct-count.ts';
import { topBooleans, topCodes } from './top-values.ts';

/**
 * Profiles one column: counts, exact distinct values, and by type numeric
 * statistics (number, integer, boolean, datetime; datetimes in epoch ms), a
 * histogram (number, integer, datetime) and top values (category, boolean,
 * identifier, text). Allocates one sorted copy of a numeric column and one
 * count per dictionary entry of a string column; never an object per cell.
 *
 * @param inferredType what inference chose before any user override
 */
export function profileColumn(column: Column, role: ColumnRole, inferredType: ColumnType): ColumnProfile {
  const base = { name: column.name, type: column.type, inferredType, role };
  if (!isNumericColumn(column)) {
    const counts = codeCounts(column.codes, column.dictionary.length);
    let count = 0;
    for (let i = 0; i < counts.length; i++) count += counts[i];
    return {
      ...base,
      count,
      missing: column.codes.length - count,
      distinct: distinctFromCounts(counts),
      top: topCodes(counts, column.dictionary),
    };
  }
  const sorted = sortValues(column.values);
  const profile: ColumnProfile = {
    ...base,
    count: sorted.length,
    missing: column.values.length - sorted.length,
    distinct: distinctSorted(sorted),
  };
  const numeric = numericStats(sorted);
  if (numeric) profile.numeric = numeric;
  if (column.type === 'boolean') profile.top = topBooleans(column.values, column.spelling);
  else if (numeric) profile.histogram = histogramSorted(sorted, histogramEdges(numeric.min, numeric.max, column.type));
  return profile;
}
