import { describe, expect, it } from 'vitest';
import { compileExpression, type SchemaEntry } from '../../../../src/core/features/expression/index.ts';

const schema: SchemaEntry[] = [
  { name: 'age', type: 'integer' },
  { name: 'income', type: 'number' },
  { name: 'city', type: 'category' },
  { name: 'note', type: 'text' },
  { name: 'churned', type: 'boolean' },
  { name: 'signup', type: 'datetime' },
  { name: 'unit price', type: 'number' },
  { name: 'customer', type: 'identifier' },
];
const context = { entityKey: ['customer'], timestamp: 'signup' };

const typeOf = (text: string) => {
  const result = compileExpression(text, schema, { context });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.compiled.type;
};
const errors = (text: string, options = { context }) => {
  const result = compileExpression(text, schema, options);
  if (result.ok) throw new Error(`'${text}' checked as ${result.compiled.type}`);
  return result.errors.map((e) => ({ message: e.message, at: [e.start, e.end] }));
};

describe('checkExpression', () => {
  it.each([
    ['age * 2 + income', 'number'],
    ['age >= 18 and not churned', 'boolean'],
    ['if(age >= 18, "adult", "minor")', 'string'],
    ['case when age < 30 then signup else signup end', 'datetime'],
    ['log(income + 1) - sqrt(abs(age)) + exp(1) + round(income, 2) + clip(age, 18, 65)', 'number'],
    ['lower(city) == "paris" or contains(note, "late")', 'boolean'],
    ['length(note)', 'number'],
    ['year(signup) * 100 + month(signup) + day(signup) + hour(signup) + weekday(signup)', 'number'],
    ['signup >= "2024-01-01" and signup < "2024-02-01T00:00:00Z"', 'boolean'],
    ['days_between(signup, "2025-01-01")', 'number'],
    ['bucket(age, [-1, 18, 65])', 'number'],
    ['mean(income, 7d) + count(12h) + count(note, 1d) + sum(churned, 30d) + min(age, 2d) + max(age, 2d)', 'number'],
    ['`unit price` * 3', 'number'],
    ['coalesce(city, "unknown")', 'string'],
    ['is_missing(income)', 'boolean'],
    ['churned == true', 'boolean'],
    ['LOG(income)', 'number'],
  ])('%s is %s', (text, type) => {
    expect(typeOf(text)).toBe(type);
  });

  it('suggests the nearest column for a typo, at the typo', () => {
    expect(errors('log(agee) + 1')).toEqual([{ message: "no column 'agee' — did you mean 'age'?", at: [4, 8] }]);
    expect(errors('`unit prce` * 2')[0].message).toBe("no column 'unit prce' — did you mean 'unit price'?");
    expect(errors('Age + 1')[0].message).toBe("no column 'Age' — did you mean 'age'?");
  });

  it('lists the columns when nothing is close', () => {
    expect(errors('zzzzzz')[0].message).toBe(
      "no column 'zzzzzz' — the columns are 'age', 'income', 'city', 'note', 'churned', 'signup', 'unit price', 'customer'",
    );
  });

  it('suggests the nearest function name', () => {
    expect(errors('lgo(income)')).toEqual([{ message: "no function 'lgo' — did you mean 'log'?", at: [0, 3] }]);
  });

  it('reports every independent error, each at its own place', () => {
    expect(errors('agee + incme').map((e) => e.at)).toEqual([
      [0, 4],
      [7, 12],
    ]);
  });

  it.each([
    ['age + city', "'+' needs two numbers, not number + string", [4, 5]],
    ['signup - signup', 'use days_between', [7, 8]],
    ['age == city', 'Cannot compare number with string', [4, 6]],
    ['churned < true', 'does not order true and false', [8, 9]],
    ['age and churned', "'and' joins conditions: expected a boolean, got a number", [0, 3]],
    ['not age', "'not' needs a boolean", [4, 7]],
    ['-city', "'-' needs a number", [1, 5]],
    ['if(age, 1, 2)', 'is a condition: expected a boolean, got a number', [3, 6]],
    [
      'if(churned, 1, "x")',
      'the two values of if must all have one type: this is string, the first is number',
      [15, 18],
    ],
    ['log(city)', 'log(x): expected a number, got a string', [4, 8]],
    ['log(age, 2)', 'log takes 1 argument, not 2', [0, 11]],
    ['round()', 'round takes 1 or 2 arguments, not 0', [0, 7]],
    ['year(age)', 'expected a datetime, got a number', [5, 8]],
    ['signup > "last week"', "'last week' is not a date", [9, 20]],
    ['bucket(age, 18)', 'list of edges', [12, 14]],
    ['bucket(age, [30, 18])', 'must increase', [17, 19]],
    ['bucket(age, [age])', 'number written out', [13, 16]],
    ['mean(income)', 'a value and a window length', [0, 12]],
    ['mean(income, 7)', 'window length, e.g. 7d', [13, 14]],
    ['sum(city, 7d)', 'sum needs numbers', [4, 8]],
    ['income + 7d', 'only goes in count, sum, mean, min or max', [9, 11]],
    ['[1, 2]', 'only goes in bucket', [0, 6]],
    ['case when age then 1 end', "'when' needs a condition", [10, 13]],
  ])('rejects %s', (text, message, at) => {
    const [first] = errors(text);
    expect(first.message).toContain(message);
    expect(first.at).toEqual(at);
  });

  it('checks window aggregations against the entity and timestamp columns when they are given', () => {
    expect(errors('mean(income, 7d)', { context: { entityKey: [], timestamp: 'signup' } })[0].message).toContain(
      'needs the entity key and the timestamp column',
    );
    expect(
      errors('mean(income, 7d)', { context: { entityKey: ['customer'], timestamp: 'city' } })[0].message,
    ).toContain("the timestamp column 'city' is category, not a datetime");
    expect(errors('count(7d)', { context: { entityKey: ['client'], timestamp: 'signup' } })[0].message).toContain(
      "the entity key column 'client' is not in the table",
    );
  });

  it('lists the columns read and whether a window is used', () => {
    const result = compileExpression('mean(income, 7d) / (age + income)', schema, { context });
    expect(result.ok && result.compiled.columns).toEqual(['income', 'age']);
    expect(result.ok && result.compiled.usesWindow).toBe(true);
  });
});
