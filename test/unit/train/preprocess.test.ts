import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/sklearn-preprocess/preprocess.json';
import { encodeStrings } from '../../../src/core/data/string-column.ts';
import type { DataTable } from '../../../src/core/data/types.ts';
import { fitPreprocessor, transform } from '../../../src/core/train/preprocess.ts';

// Test rows carry the fixture's test categories (one of them unseen in training).
const catValues = fixture.cat.map((c, i) => (i >= fixture.test[0] ? fixture.test_cat[i - fixture.test[0]] : c));
const table: DataTable = {
  rowCount: fixture.num.length,
  columns: [
    { name: 'num', type: 'number', values: Float64Array.from(fixture.num, (v) => v ?? NaN) },
    { name: 'cat', type: 'category', ...encodeStrings(catValues.length, (r) => catValues[r]) },
  ],
};
const train = Int32Array.from(fixture.train);
const test = Int32Array.from(fixture.test);

describe('preprocessing matches scikit-learn (SimpleImputer + StandardScaler, most_frequent + OneHotEncoder(handle_unknown="ignore"))', () => {
  for (const c of fixture.cases) {
    it(`with ${c.impute} imputation, fitted on training rows only`, () => {
      const pre = fitPreprocessor(table, ['num', 'cat'], train, {
        numeric: { impute: c.impute as 'median' | 'mean', standardize: true },
        categorical: { impute: 'most_frequent' },
      });
      expect(pre.outputNames).toEqual(['num', ...c.categories.map((k) => `cat=${k}`)]);
      for (const [rows, expected] of [
        [train, c.train_out],
        [test, c.test_out],
      ] as const) {
        const { x, width } = transform(pre, table, rows);
        expected.forEach((row, i) => row.forEach((v, j) => expect(x[i * width + j]).toBeCloseTo(v, 12)));
      }
      expect(transform(pre, table, test).unknownCategories).toBe(1);
    });
  }

  it('refuses a free-text feature with a message that says what to do', () => {
    const t: DataTable = {
      rowCount: 1,
      columns: [{ name: 'review', type: 'text', codes: new Int32Array([0]), dictionary: ['great'] }],
    };
    expect(() =>
      fitPreprocessor(t, ['review'], Int32Array.of(0), {
        numeric: { impute: 'median', standardize: true },
        categorical: { impute: 'most_frequent' },
      }),
    ).toThrow(/free text.*Set its role to ignore/);
  });
});
