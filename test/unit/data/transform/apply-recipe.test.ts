import { describe, expect, it } from 'vitest';
import {
  applyRecipe,
  checkRecipe,
  describeRecipe,
  type TransformStep,
} from '../../../../src/core/data/transform/index.ts';
import { cellText, type ColumnSchema, type DataTable } from '../../../../src/core/data/types.ts';
import { numeric, strings, table } from '../../helpers/tables.ts';

const day = (d: number) => Date.UTC(2024, 0, d);
const people = table(
  strings('name', ['Ann', 'Bob', 'Cid', 'Bob', 'Dee', null]),
  numeric('age', [34, 17, null, 17, 52, 40], 'integer'),
  strings('city', ['Oslo', 'Rome', 'Oslo', 'Rome', null, 'Lima']),
  numeric('joined', [day(1), day(2), day(3), day(2), day(9), day(10)], 'datetime'),
);
const schema: ColumnSchema[] = [
  { name: 'name', type: 'category', role: 'entity' },
  { name: 'age', type: 'integer', role: 'feature' },
  { name: 'city', type: 'category', role: 'target' },
  { name: 'joined', type: 'datetime', role: 'timestamp' },
];

const apply = (...steps: TransformStep[]) => applyRecipe(people, schema, { steps });
/** Every column as display strings ('' for missing). */
const cells = (t: DataTable) =>
  Object.fromEntries(t.columns.map((c) => [c.name, Array.from({ length: t.rowCount }, (_, r) => cellText(c, r))]));

describe('applyRecipe', () => {
  it('filters rows by a condition; false and missing rows go', () => {
    const { table: out } = apply({ kind: 'filter', expression: 'age >= 18' });
    expect(cells(out).name).toEqual(['Ann', 'Dee', '']);
    expect(cells(out).city).toEqual(['Oslo', '', 'Lima']);
  });

  it('gives filtered text columns a fresh first-appearance dictionary', () => {
    const { table: out } = apply({ kind: 'filter', expression: 'city != "Oslo"' });
    const city = out.columns[2];
    expect('dictionary' in city && city.dictionary).toEqual(['Rome', 'Lima']);
  });

  it('derives a new column at the end as a feature, or replaces one in place keeping its role', () => {
    const added = apply({ kind: 'derive', column: 'adult', expression: 'age >= 18' });
    expect(cells(added.table).adult).toEqual(['true', 'false', '', 'false', 'true', 'true']);
    expect(added.schema.at(-1)).toEqual({ name: 'adult', type: 'boolean', role: 'feature' });
    const replaced = apply({ kind: 'derive', column: 'city', expression: 'lower(coalesce(city, "?"))' });
    expect(cells(replaced.table).city).toEqual(['oslo', 'rome', 'oslo', 'rome', '?', 'lima']);
    expect(replaced.schema[2]).toEqual({ name: 'city', type: 'category', role: 'target' });
  });

  it('uses the entity and timestamp roles for window aggregations', () => {
    const { table: out } = apply({ kind: 'derive', column: 'visits', expression: 'count(7d)' });
    // Bob has rows on day 2 twice: both see both.
    expect(cells(out).visits).toEqual(['1', '2', '1', '2', '1', '']);
  });

  it('drops and renames columns, roles travelling with them', () => {
    const out = apply({ kind: 'drop', columns: ['age'] }, { kind: 'rename', from: 'city', to: 'town' });
    expect(out.schema.map((c) => `${c.name}:${c.role}`)).toEqual(['name:entity', 'town:target', 'joined:timestamp']);
    expect(out.table.columns.map((c) => c.name)).toEqual(['name', 'town', 'joined']);
  });

  it('fills missing cells with a value, the mean, the median or the mode', () => {
    expect(cells(apply({ kind: 'fill', column: 'age', method: 'value', value: '0' }).table).age[2]).toBe('0');
    // Present ages 34, 17, 17, 52, 40: mean 32, median 34, mode 17.
    expect(cells(apply({ kind: 'fill', column: 'age', method: 'mean' }).table).age[2]).toBe('32');
    expect(cells(apply({ kind: 'fill', column: 'age', method: 'median' }).table).age[2]).toBe('34');
    expect(cells(apply({ kind: 'fill', column: 'age', method: 'mode' }).table).age[2]).toBe('17');
    const city = apply({ kind: 'fill', column: 'city', method: 'mode' });
    expect(cells(city.table).city).toEqual(['Oslo', 'Rome', 'Oslo', 'Rome', 'Oslo', 'Lima']);
    const named = apply({ kind: 'fill', column: 'name', method: 'value', value: 'unknown' });
    expect(cells(named.table).name[5]).toBe('unknown');
  });

  it('turns an integer column filled with a fractional mean into numbers', () => {
    // Without Ann, the present ages are 17, 17, 52, 40: mean 31.5.
    const out = apply(
      { kind: 'filter', expression: 'name != "Ann" or is_missing(name)' },
      { kind: 'fill', column: 'age', method: 'mean' },
    );
    expect(cells(out.table).age).toEqual(['17', '31.5', '17', '52', '40']);
    expect(out.table.columns[1].type).toBe('number');
    expect(out.schema[1]).toEqual({ name: 'age', type: 'number', role: 'feature' });
  });

  it('deduplicates on all columns or on some, keeping the first of each', () => {
    expect(apply({ kind: 'deduplicate', columns: [] }).table.rowCount).toBe(5);
    expect(cells(apply({ kind: 'deduplicate', columns: ['city'] }).table).name).toEqual(['Ann', 'Bob', 'Dee', '']);
  });

  it('gives the same table for the same recipe (so the same version id)', () => {
    const steps: TransformStep[] = [
      { kind: 'filter', expression: 'not is_missing(name)' },
      { kind: 'derive', column: 'decade', expression: 'bucket(age, [20, 30, 40, 50])' },
      { kind: 'deduplicate', columns: [] },
    ];
    expect(cells(apply(...steps).table)).toEqual(cells(apply(...steps).table));
  });

  it('refuses a recipe with a mistake, naming the step', () => {
    expect(() =>
      apply({ kind: 'drop', columns: ['age'] }, { kind: 'derive', column: 'x', expression: 'age * 2' }),
    ).toThrow(
      "Step 2 (derive x = age * 2): no column 'age' — the columns are 'name', 'city', 'joined'. Correct the step and try again.",
    );
  });

  it('describes the recipe in one line', () => {
    expect(
      describeRecipe({
        steps: [
          { kind: 'filter', expression: 'age >= 18' },
          { kind: 'fill', column: 'city', method: 'value', value: 'none' },
          { kind: 'deduplicate', columns: [] },
        ],
      }),
    ).toBe('filter age >= 18; fill city with "none"; deduplicate rows');
  });
});

describe('checkRecipe', () => {
  const issues = (...steps: TransformStep[]) => checkRecipe({ steps }, schema).steps.map((s) => s.issues);

  it('points at the position of an expression mistake in its step', () => {
    expect(issues({ kind: 'derive', column: 'a2', expression: 'agee * 2' })).toEqual([
      [{ field: 'expression', message: "no column 'agee' — did you mean 'age'?", start: 0, end: 4 }],
    ]);
  });

  it('checks each step against the columns the steps before it leave', () => {
    const checked = checkRecipe(
      {
        steps: [
          { kind: 'rename', from: 'age', to: 'years' },
          { kind: 'derive', column: 'double', expression: 'years * 2' },
          { kind: 'filter', expression: 'age > 1' },
        ],
      },
      schema,
    );
    expect(checked.steps.map((s) => s.issues.length)).toEqual([0, 0, 1]);
    expect(checked.steps[2].issues[0].message).toBe(
      "no column 'age' — the columns are 'name', 'years', 'city', 'joined', 'double'",
    );
    expect(checked.schema.map((c) => `${c.name}:${c.type}`)).toEqual([
      'name:category',
      'years:integer',
      'city:category',
      'joined:datetime',
      'double:number',
    ]);
  });

  it.each<[TransformStep, string]>([
    [
      { kind: 'filter', expression: 'age + 1' },
      'A filter keeps the rows where a condition is true, but this is a number',
    ],
    [{ kind: 'derive', column: ' ', expression: '1' }, 'Name the new column'],
    [{ kind: 'drop', columns: [] }, 'Choose the columns to drop'],
    [{ kind: 'drop', columns: ['name', 'age', 'city', 'joined'] }, 'Keep at least one column'],
    [{ kind: 'drop', columns: ['cty'] }, "no column 'cty' — did you mean 'city'?"],
    [{ kind: 'rename', from: 'age', to: 'city' }, "There is already a column 'city'"],
    [{ kind: 'rename', from: 'age', to: '' }, 'Write the new name'],
    [{ kind: 'fill', column: 'city', method: 'mean' }, 'A category column cannot be filled with its mean'],
    [{ kind: 'fill', column: 'age', method: 'value', value: 'x' }, "'x' is not a number"],
    [{ kind: 'fill', column: 'age', method: 'value', value: '2.5' }, 'not a whole number'],
    [{ kind: 'fill', column: 'joined', method: 'value', value: 'soon' }, "'soon' is not a date"],
    [{ kind: 'deduplicate', columns: ['nme'] }, "no column 'nme' — did you mean 'name'?"],
  ])('reports %j', (step, message) => {
    expect(issues(step)[0][0].message).toContain(message);
  });

  it('asks for the entity and timestamp roles before a window aggregation', () => {
    const plain = schema.map((c) => ({ ...c, role: 'feature' as const }));
    const checked = checkRecipe({ steps: [{ kind: 'derive', column: 'n', expression: 'count(7d)' }] }, plain);
    expect(checked.steps[0].issues[0].message).toContain("the role 'entity' and one with the role 'timestamp'");
  });
});
