import type { DataTable } from '../data/types.ts';
import { WorkbenchError } from '../errors.ts';
import type { Split } from './split.ts';

/**
 * Why a time-ordered split is the honest one for data that drifts, in the
 * words the Train view and the CLI help show.
 */
export const TIME_SPLIT_REASON =
  'A model is used on rows that come after the ones it learnt from. A random split mixes later rows into training, so the test score borrows knowledge of the future and looks better than the model will do once the data drifts; training on the earlier rows and testing on the later ones measures what deployment will see.';

/**
 * A time-ordered split: the rows with a target (`strata[r] >= 0`) are
 * ordered by the `column`'s time (ties by row number, so it is
 * deterministic) and the latest ceil(usable × testFraction) become the test
 * set; the earlier rows train. Rows without a time cannot be placed and are
 * left out. Both index lists are sorted by row.
 *
 * @throws WorkbenchError `split.no_time_column`, `split.bad_fraction`, `split.too_few_rows`
 */
export function timeOrderedSplit(table: DataTable, column: string, testFraction: number, strata: Int32Array): Split {
  const col = table.columns.find((c) => c.name === column);
  if (!col || col.type !== 'datetime') {
    const times = table.columns.filter((c) => c.type === 'datetime').map((c) => `"${c.name}"`);
    throw new WorkbenchError(
      'split.no_time_column',
      `A time-ordered split needs a date or time column, and "${column}" ${col ? `is ${col.type}` : 'is not in the data'}. ${times.length ? `Choose ${times.join(' or ')}.` : 'This data has none: use a random split.'}`,
    );
  }
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new WorkbenchError(
      'split.bad_fraction',
      `The test fraction must be between 0 and 1 (got ${testFraction}). Use e.g. 0.2 for the latest 20%.`,
    );
  }
  const times = col.values;
  const usable: number[] = [];
  for (let r = 0; r < table.rowCount; r++) if (strata[r] >= 0 && !Number.isNaN(times[r])) usable.push(r);
  const testSize = Math.ceil(usable.length * testFraction);
  if (testSize < 1 || usable.length - testSize < 1) {
    throw new WorkbenchError(
      'split.too_few_rows',
      `${usable.length} row${usable.length === 1 ? '' : 's'} with a time and a target cannot be split into earlier training rows and later test rows with a test fraction of ${testFraction}. Load more rows or change the test fraction.`,
    );
  }
  usable.sort((a, b) => times[a] - times[b] || a - b);
  const cut = usable.length - testSize;
  return {
    train: Int32Array.from(usable.slice(0, cut)).sort(),
    test: Int32Array.from(usable.slice(cut)).sort(),
  };
}
