import { describe, expect, it } from 'vitest';
import { cellText, type Column, type DataTable } from '../../../../src/core/data/types.ts';
import {
  compileOrThrow,
  evaluateExpression,
  type WindowContext,
} from '../../../../src/core/features/expression/index.ts';
import { numeric, strings, table } from '../../helpers/tables.ts';

const day = (d: string) => Date.parse(`2024-01-${d}T00:00:00Z`);
const people = table(
  numeric('age', [10, 20, null, 70], 'integer'),
  numeric('income', [100, 0, 50, null]),
  strings('city', ['Paris', 'ROME', null, 'paris']),
  numeric('vip', [1, 0, null, 1], 'boolean'),
  numeric('signup', [day('01'), day('03'), day('06'), null], 'datetime'),
  strings('unit price', ['a', 'b', 'c', 'd']),
);

const run = (text: string, data: DataTable = people, context: WindowContext = {}): Column => {
  const schema = data.columns.map((c) => ({ name: c.name, type: c.type }));
  return evaluateExpression(compileOrThrow(text, schema), data, context);
};
/** The result as plain values: numbers (null = missing), or strings for text. */
const values = (text: string, data?: DataTable, context?: WindowContext) => {
  const column = run(text, data, context);
  return Array.from({ length: data?.rowCount ?? people.rowCount }, (_, r) =>
    'values' in column ? (Number.isNaN(column.values[r]) ? null : column.values[r]) : cellText(column, r) || null,
  );
};

describe('evaluateExpression', () => {
  it.each([
    ['age * 2 + 1', [21, 41, null, 141]],
    ['income / age', [10, 0, null, null]],
    ['age / (income - income)', [null, null, null, null]],
    ['age % 3', [1, 2, null, 1]],
    ['-age', [-10, -20, null, -70]],
    ['age >= 20', [0, 1, null, 1]],
    ['log(income)', [Math.log(100), null, Math.log(50), null]],
    ['sqrt(income - 50)', [Math.sqrt(50), null, 0, null]],
    ['exp(age * 100)', [null, null, null, null]],
    ['abs(50 - income)', [50, 50, 0, null]],
    ['clip(age, 15, 60)', [15, 20, null, 60]],
    ['round(income / 3)', [33, 0, 17, null]],
    ['round(income / 3, 1)', [33.3, 0, 16.7, null]],
    ['round(1.005, 2) + round(-2.5)', [1.01 - 3, 1.01 - 3, 1.01 - 3, 1.01 - 3]],
    ['bucket(age, [18, 30, 65])', [0, 1, null, 3]],
    ['bucket(age, [20])', [0, 1, null, 1]],
    ['length(city)', [5, 4, null, 5]],
    ['year(signup) + month(signup) / 100', [2024.01, 2024.01, 2024.01, null]],
    ['day(signup)', [1, 3, 6, null]],
    ['weekday(signup)', [1, 3, 6, null]],
    ['hour(signup)', [0, 0, 0, null]],
    ['days_between("2024-01-01", signup)', [0, 2, 5, null]],
    ['signup >= "2024-01-03"', [0, 1, 1, null]],
    ['is_missing(age) or is_missing(city)', [0, 0, 1, 0]],
    ['coalesce(age, income, -1)', [10, 20, 50, 70]],
    ['coalesce(income, age)', [100, 0, 50, 70]],
  ])('%s', (text, expected) => {
    const got = values(text);
    expected.forEach((v, i) => (v === null ? expect(got[i]).toBeNull() : expect(got[i]).toBeCloseTo(v as number, 10)));
  });

  it('uses three-valued logic: false and missing is false, true or missing is true', () => {
    expect(values('vip and age > 15')).toEqual([0, 0, null, 1]);
    expect(values('(age > 15) and vip')).toEqual([0, 0, null, 1]);
    expect(values('vip or age > 15')).toEqual([1, 1, null, 1]);
    expect(values('not vip')).toEqual([0, 1, null, 0]);
  });

  it('computes text results with a first-appearance dictionary', () => {
    const column = run('if(age >= 18, "adult", "minor")');
    expect(column).toMatchObject({ type: 'category', dictionary: ['minor', 'adult'] });
    expect(values('if(age >= 18, "adult", "minor")')).toEqual(['minor', 'adult', null, 'adult']);
    expect(values('lower(city)')).toEqual(['paris', 'rome', null, 'paris']);
    expect(values('upper(city)')).toEqual(['PARIS', 'ROME', null, 'PARIS']);
    expect(values('coalesce(city, "none")')).toEqual(['Paris', 'ROME', 'none', 'paris']);
  });

  it('compares text and finds substrings, missing where a side is missing', () => {
    expect(values('lower(city) == "paris"')).toEqual([1, 0, null, 1]);
    expect(values('city != "Paris"')).toEqual([0, 1, null, 1]);
    expect(values('city < "Q"')).toEqual([1, 0, null, 0]);
    expect(values('contains(lower(city), "ar")')).toEqual([1, 0, null, 1]);
    expect(values('contains(`unit price`, city)')).toEqual([0, 0, null, 0]);
  });

  it('takes the first case whose condition holds; a missing condition gives a missing value', () => {
    const text = 'case when age < 15 then "child" when age < 65 then "adult" else "senior" end';
    expect(values(text)).toEqual(['child', 'adult', null, 'senior']);
    expect(values('case when age < 15 then 1 end')).toEqual([1, null, null, null]);
  });

  it('keeps datetimes as datetimes through if', () => {
    const column = run('if(vip, signup, "2024-02-01")');
    expect(column.type).toBe('datetime');
    expect(values('if(vip, signup, "2024-02-01")')).toEqual([day('01'), Date.parse('2024-02-01'), null, null]);
  });

  it('fails with a clear error when the table lacks a column the expression was checked against', () => {
    const compiled = compileOrThrow('age + 1', [{ name: 'age', type: 'number' }]);
    expect(() => evaluateExpression(compiled, table(numeric('height', [1])))).toThrow(/reads the column 'age'/);
  });

  it('reports a compile error as a WorkbenchError with the position', () => {
    expect(() => compileOrThrow('agee + 1', [{ name: 'age', type: 'number' }])).toThrow(
      "In 'agee + 1' at 1–4 ('agee'): no column 'agee' — did you mean 'age'?",
    );
  });
});
