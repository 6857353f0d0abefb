import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/data/ingest/parse-csv.ts';
import type { ColumnSchema, DataTable } from '../../../src/core/data/types.ts';
import { resolveTrainingData } from '../../../src/core/train/training-data.ts';

const load = (csv: string) => parseCsv(new TextEncoder().encode(csv)).table;
/** The table's own names and types, with the given roles (feature by default). */
const schemaOf = (table: DataTable, roles: Record<string, ColumnSchema['role']> = {}): ColumnSchema[] =>
  table.columns.map((c) => ({ name: c.name, type: c.type, role: roles[c.name] ?? 'feature' }));

describe('resolveTrainingData', () => {
  const table = load(
    'id,x,color,note,label\na1,1.5,red,some words here,b\na2,2.5,blue,more words there,a\na3,,red,and even more words,b\na4,4,green,last words,\n',
  );

  it('detects classification, sorts labels and leaves unlabeled rows out', () => {
    const data = resolveTrainingData(table, schemaOf(table, { id: 'entity' }), {
      target: 'label',
      features: [],
      task: 'auto',
    });
    expect(data.task).toBe('classification');
    expect(data.labels).toEqual(['a', 'b']);
    expect(Array.from(data.classes!)).toEqual([1, 0, 1, -1]);
    expect(data.features).toEqual(['x', 'color']);
    expect(data.rowsWithTarget).toBe(3);
  });

  it('detects regression for a continuous target and classification for a small integer one', () => {
    const t = load('x,price,stars\n1,10.5,1\n2,20.25,2\n3,30.75,1\n');
    expect(resolveTrainingData(t, schemaOf(t), { target: 'price', features: ['x'], task: 'auto' }).task).toBe(
      'regression',
    );
    expect(resolveTrainingData(t, schemaOf(t), { target: 'stars', features: ['x'], task: 'auto' }).labels).toEqual([
      '1',
      '2',
    ]);
  });

  it('refuses a one-class target, a missing column, a text target for regression and no features, saying what to do', () => {
    const one = load('x,y\n1,a\n2,a\n');
    expect(() => resolveTrainingData(one, schemaOf(one), { target: 'y', features: [], task: 'auto' })).toThrow(
      /only one class \("a"\).*Choose another target/,
    );
    expect(() => resolveTrainingData(one, schemaOf(one), { target: 'z', features: [], task: 'auto' })).toThrow(
      /no column "z".*Choose one of: x, y/,
    );
    expect(() => resolveTrainingData(one, schemaOf(one), { target: 'y', features: [], task: 'regression' })).toThrow(
      /needs a numeric target/,
    );
    expect(() =>
      resolveTrainingData(one, schemaOf(one, { x: 'ignore' }), { target: 'y', features: [], task: 'auto' }),
    ).toThrow(/No column can be used as a feature/);
    expect(() => resolveTrainingData(one, schemaOf(one), { target: 'y', features: ['nope'], task: 'auto' })).toThrow(
      /feature column "nope"/,
    );
  });
});
