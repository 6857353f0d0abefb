import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/sklearn-preprocess/other-bucket.json';
import { encodeStrings } from '../../../src/core/data/string-column.ts';
import type { DataTable } from '../../../src/core/data/types.ts';
import { MAX_ONE_HOT_CATEGORIES } from '../../../src/core/train/data-limits.ts';
import { fitPreprocessor, transform } from '../../../src/core/train/preprocess.ts';

// Rows 90… carry the fixture's test values (one unseen in training).
const values = fixture.cat.map((c, i) => (i >= fixture.test[0] ? fixture.test_cat[i - fixture.test[0]] : c));
const table: DataTable = {
  rowCount: values.length,
  columns: [{ name: 'cat', type: 'category', ...encodeStrings(values.length, (r) => values[r]) }],
};
const train = Int32Array.from(fixture.train);
const test = Int32Array.from(fixture.test);
const spec = { numeric: { impute: 'median', standardize: true }, categorical: { impute: 'most_frequent' } } as const;

describe('a categorical feature with more categories than are kept one-hot', () => {
  for (const c of fixture.cases) {
    it(`keeping ${c.keep}: matches sklearn's OneHotEncoder(max_categories=${c.keep + 1}, handle_unknown="infrequent_if_exist")`, () => {
      const pre = fitPreprocessor(table, ['cat'], train, spec, c.keep);
      const step = pre.steps[0];
      expect(step.kind === 'categorical' && step.categories).toEqual(c.kept);
      expect(step.kind === 'categorical' && (step.other?.folded ?? 0)).toBe(c.folded);
      expect(pre.outputNames).toEqual([...c.kept.map((k) => `cat=${k}`), ...(c.folded ? ['cat=(other)'] : [])]);
      for (const [rows, expected] of [
        [train, c.train_out],
        [test, c.test_out],
      ] as const) {
        const { x, width } = transform(pre, table, rows);
        expect(width).toBe(expected[0].length);
        expect(Array.from(x)).toEqual(expected.flat());
      }
      // Values never seen in training land in "other" when there is one, else they are counted as unknown.
      const unseen = fixture.test_cat.filter((v) => v !== null && !c.kept.includes(v)).length;
      expect(unseen).toBeGreaterThan(0);
      expect(transform(pre, table, test).unknownCategories).toBe(c.folded ? 0 : unseen);
    });
  }

  it(`keeps ${MAX_ONE_HOT_CATEGORIES} by default: 20,000 categories make ${MAX_ONE_HOT_CATEGORIES + 1} columns, not 20,000`, () => {
    const rows = 100_000;
    const codes = Int32Array.from({ length: rows }, (_, r) => (r % 3 === 0 ? r % 10 : r % 20_000));
    const wide: DataTable = {
      rowCount: rows,
      columns: [
        { name: 'city', type: 'category', codes, dictionary: Array.from({ length: 20_000 }, (_, i) => `c${i}`) },
      ],
    };
    const all = Int32Array.from({ length: rows }, (_, r) => r);
    const pre = fitPreprocessor(wide, ['city'], all, spec);
    expect(pre.outputNames).toHaveLength(MAX_ONE_HOT_CATEGORIES + 1);
    const step = pre.steps[0];
    expect(step.kind === 'categorical' && step.other?.folded).toBe(20_000 - MAX_ONE_HOT_CATEGORIES);
    // c0…c9 are the frequent ones (every third row as well as their own).
    const kept = step.kind === 'categorical' ? step.categories : [];
    for (let k = 0; k < 10; k++) expect(kept).toContain(`c${k}`);
    const { x, width } = transform(pre, wide, all);
    let ones = 0;
    for (let i = 0; i < x.length; i++) ones += x[i];
    expect(ones).toBe(rows);
    expect(width).toBe(MAX_ONE_HOT_CATEGORIES + 1);
  });
});
