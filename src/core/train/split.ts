import { WorkbenchError } from '../errors.ts';
import type { Rng } from '../random/rng.ts';
import { shuffleInPlace } from '../random/shuffle.ts';

export interface Split {
  train: Int32Array;
  test: Int32Array;
}

/**
 * A seeded train/test split of `rows` rows. The test set has
 * ceil(rows × testFraction) rows, as in scikit-learn. With `strata` (a class
 * index per row, −1 for rows to leave out), each class is split in
 * proportion, by largest remainder, so every class keeps at least one
 * training row. Both index lists are sorted.
 */
export function randomSplit(rows: number, testFraction: number, rng: Rng, strata?: Int32Array): Split {
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new WorkbenchError(
      'split.bad_fraction',
      `The test fraction must be between 0 and 1 (got ${testFraction}). Use e.g. 0.2 for 20%.`,
    );
  }
  const usable = strata ? strata.reduce((n, s) => n + (s >= 0 ? 1 : 0), 0) : rows;
  const testSize = Math.ceil(usable * testFraction);
  if (testSize < 1 || usable - testSize < 1) {
    throw new WorkbenchError(
      'split.too_few_rows',
      `${usable} usable row${usable === 1 ? '' : 's'} cannot be split into training and test sets with a test fraction of ${testFraction}. Load more rows or change the test fraction.`,
    );
  }
  const groups: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const g = strata ? strata[r] : 0;
    if (g < 0) continue;
    (groups[g] ??= []).push(r);
  }
  const present = groups.map((g, i) => ({ g: g ?? [], i })).filter(({ g }) => g.length > 0);
  // Largest-remainder allocation of the test rows across groups.
  const quotas = present.map(({ g }) => (g.length * testSize) / usable);
  const take = quotas.map((q, k) => Math.min(Math.floor(q), present[k].g.length - 1));
  let left = testSize - take.reduce((a, b) => a + b, 0);
  const order = quotas.map((q, k) => ({ k, rem: q - Math.floor(q) })).sort((a, b) => b.rem - a.rem || a.k - b.k);
  for (let pass = 0; left > 0 && pass < 2; pass++) {
    for (const { k } of order) {
      if (left === 0) break;
      if (take[k] < present[k].g.length - 1) {
        take[k]++;
        left--;
      }
    }
  }
  if (take.every((t) => t === 0)) {
    throw new WorkbenchError(
      'split.too_few_rows',
      'No class has a row to spare for the test set: a stratified split keeps at least one row of each class for training. Load more rows, or turn off stratification.',
    );
  }
  // Filled by index, never by spreading a group into push(): a million-row
  // group spread as arguments overflows the call stack.
  const testCount = take.reduce((a, b) => a + b, 0);
  const train = new Int32Array(usable - testCount);
  const test = new Int32Array(testCount);
  let nTrain = 0;
  let nTest = 0;
  present.forEach(({ g }, k) => {
    const shuffled = shuffleInPlace(g.slice(), rng);
    for (let i = 0; i < shuffled.length; i++) {
      if (i < take[k]) test[nTest++] = shuffled[i];
      else train[nTrain++] = shuffled[i];
    }
  });
  return { train: train.sort(), test: test.sort() };
}

/** An explicit split, checked: indices in range, whole numbers, no row in both sets. */
export function explicitSplit(rows: number, train: number[], test: number[]): Split {
  const seen = new Uint8Array(rows);
  const check = (list: number[], which: 'train' | 'test', mark: number) => {
    for (const r of list) {
      if (!Number.isInteger(r) || r < 0 || r >= rows) {
        throw new WorkbenchError(
          'split.bad_index',
          `The ${which} list has row ${r}, but the data has rows 0 to ${rows - 1}. Fix the split file.`,
        );
      }
      if (seen[r] && seen[r] !== mark) {
        throw new WorkbenchError(
          'split.overlap',
          `Row ${r} is in both the train and the test list. A row may be in only one of them.`,
        );
      }
      seen[r] = mark;
    }
  };
  check(train, 'train', 1);
  check(test, 'test', 2);
  if (train.length === 0 || test.length === 0) {
    throw new WorkbenchError(
      'split.empty',
      'The split needs at least one train row and one test row. Fix the split file.',
    );
  }
  return { train: Int32Array.from(new Set(train)).sort(), test: Int32Array.from(new Set(test)).sort() };
}
