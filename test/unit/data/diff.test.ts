import { describe, expect, it } from 'vitest';
import { numeric, strings } from '../helpers/tables.ts';
import { diffDatasets } from '../../../src/core/data/diff/diff.ts';
import { profileTable } from '../../../src/core/data/profile/profile.ts';
import type { DatasetVersion } from '../../../src/core/data/versions/dataset-version.ts';
import type { Column, DataTable } from '../../../src/core/data/types.ts';

function side(id: string, ...columns: Column[]): { version: DatasetVersion; table: DataTable } {
  const first = columns[0];
  const table: DataTable = { rowCount: 'values' in first ? first.values.length : first.codes.length, columns };
  const profile = profileTable(table, { roles: {} });
  const version: DatasetVersion = {
    id,
    name: id,
    parentId: null,
    createdAt: '2024-01-01T00:00:00.000Z',
    source: null,
    schema: columns.map((c) => ({ name: c.name, type: c.type, role: 'feature' })),
    rowCount: table.rowCount,
    columnCount: columns.length,
    note: '',
    byteLength: 0,
    profile,
  };
  return { version, table };
}

describe('diffDatasets', () => {
  it('reports columns added, removed and retyped from the schemas', () => {
    const from = side('v1', strings('a', ['x']), numeric('b', [1]), numeric('gone', [2]));
    const to = side('v2', strings('a', ['x']), strings('b', ['1']), numeric('new', [3], 'integer'));
    const diff = diffDatasets(from, to);
    expect([diff.fromId, diff.toId]).toEqual(['v1', 'v2']);
    expect(diff.columnsAdded).toEqual([{ name: 'new', type: 'integer', role: 'feature' }]);
    expect(diff.columnsRemoved).toEqual([{ name: 'gone', type: 'number', role: 'feature' }]);
    expect(diff.columnsRetyped).toEqual([{ name: 'b', from: 'number', to: 'category' }]);
    expect(diff.comparedColumns).toEqual(['a', 'b']);
  });

  it('counts rows added, removed and unchanged as multisets over the shared columns when rows cannot be paired', () => {
    const from = side(
      'v1',
      strings('s', ['a', 'b', 'b', 'c', null]),
      numeric('n', [1, 2, 2, 3, null]),
      numeric('old', [9, 9, 9, 9, 9]),
    );
    // Six rows against five, and no column names every row: nothing can be paired.
    const to = side('v2', strings('s', ['b', 'a', 'd', null, 'e', 'f']), numeric('n', [2, 1, 4, null, 5, 6]));
    const diff = diffDatasets(from, to);
    expect(diff.pairing).toEqual({ kind: 'none' });
    expect([diff.rowsAdded, diff.rowsRemoved, diff.rowsChanged, diff.rowsUnchanged]).toEqual([3, 2, 0, 3]);
    expect(diff.sampleAdded).toEqual([
      ['d', '4'],
      ['e', '5'],
      ['f', '6'],
    ]);
    // One of the two ("b", 2) rows is gone, and ("c", 3).
    expect(diff.sampleRemoved).toEqual([
      ['b', '2'],
      ['c', '3'],
    ]);
  });

  it('lists at most 5 sample rows each way', () => {
    const from = side('v1', numeric('n', [1, 2, 3, 4, 5, 6, 7]));
    const to = side('v2', numeric('n', [11, 12, 13, 14, 15, 16, 17, 1]));
    const diff = diffDatasets(from, to);
    expect([diff.rowsAdded, diff.rowsRemoved, diff.rowsUnchanged]).toEqual([7, 6, 1]);
    expect(diff.sampleAdded).toEqual([['11'], ['12'], ['13'], ['14'], ['15']]);
    expect(diff.sampleRemoved).toEqual([['2'], ['3'], ['4'], ['5'], ['6']]);
  });

  it('compares a column retyped between number and text by its display text', () => {
    const from = side('v1', numeric('zip', [1234, 5678, null], 'integer'));
    const to = side('v2', strings('zip', ['1234', '5678', null]));
    const diff = diffDatasets(from, to);
    expect([diff.rowsAdded, diff.rowsRemoved, diff.rowsUnchanged]).toEqual([0, 0, 3]);
  });

  it('reports statistics of shared columns that changed, and none for identical data', () => {
    const from = side('v1', numeric('x', [1, 2, 3, 4]), strings('c', ['a', 'b', 'a', 'a']));
    const to = side('v2', numeric('x', [1, 2, 3, 10, null]), strings('c', ['a', 'b', 'a', 'a', 'a']));
    const changes = diffDatasets(from, to).statChanges;
    expect(changes).toEqual([
      { column: 'x', stat: 'mean', from: 2.5, to: 4 },
      {
        column: 'x',
        stat: 'std',
        from: from.version.profile.columns[0].numeric!.std,
        to: to.version.profile.columns[0].numeric!.std,
      },
      { column: 'x', stat: 'max', from: 4, to: 10 },
      { column: 'x', stat: 'missing', from: 0, to: 1 },
    ]);
    expect(diffDatasets(from, from).statChanges).toEqual([]);
    expect(diffDatasets(from, from).rowsUnchanged).toBe(4);
  });
});

// Issue 12, item 4: a one-cell edit is one changed row with one changed cell.
describe('diffDatasets pairs changed rows', () => {
  const names = ['Ann', 'Bob', 'Cy', 'Dee'];
  it('by position when the row counts match, marking the changed cell', () => {
    // "name" repeats, so no column names every row.
    const twice = ['Ann', 'Bob', 'Bob', 'Dee'];
    const from = side('v1', strings('name', twice), numeric('age', [30, 41, 25, 60]));
    const to = side('v2', strings('name', twice), numeric('age', [30, 14, 25, 60]));
    const diff = diffDatasets(from, to);
    expect(diff.pairing).toEqual({ kind: 'position' });
    expect([diff.rowsAdded, diff.rowsRemoved, diff.rowsChanged, diff.rowsUnchanged]).toEqual([0, 0, 1, 3]);
    expect(diff.sampleChanged).toEqual([
      { fromRow: 1, toRow: 1, from: ['Bob', '41'], to: ['Bob', '14'], changed: [1] },
    ]);
  });

  it('by a key column that names every row, even when rows moved, were added or removed', () => {
    const from = side('v1', strings('name', names), numeric('age', [30, 41, 25, 60]));
    const to = side('v2', strings('name', ['Dee', 'Eve', 'Bob', 'Ann']), numeric('age', [61, 22, 41, 30]));
    const diff = diffDatasets(from, to);
    expect(diff.pairing).toEqual({ kind: 'key', column: 'name' });
    expect([diff.rowsAdded, diff.rowsRemoved, diff.rowsChanged, diff.rowsUnchanged]).toEqual([1, 1, 1, 2]);
    expect(diff.sampleChanged).toEqual([
      { fromRow: 3, toRow: 0, from: ['Dee', '60'], to: ['Dee', '61'], changed: [1] },
    ]);
    expect(diff.sampleAdded).toEqual([['Eve', '22']]);
    expect(diff.sampleRemoved).toEqual([['Cy', '25']]);
  });
});
