import { describe, expect, it } from 'vitest';
import { castColumn } from '../../../src/core/data/ingest/cast-column.ts';
import { parseCsv } from '../../../src/core/data/ingest/parse-csv.ts';
import { previewRows } from '../../../src/core/data/draft.ts';
import { profileTable } from '../../../src/core/data/profile/profile.ts';
import { decodeTable, encodeTable } from '../../../src/core/data/versions/canonical-encoding.ts';
import { datasetId } from '../../../src/core/data/versions/dataset-id.ts';
import { cellText, type Column, type DataTable } from '../../../src/core/data/types.ts';
import { resolveTrainingData } from '../../../src/core/train/training-data.ts';

// Issue 12, item 1: a boolean column keeps the spelling it was read from.
const load = (csv: string) => parseCsv(new TextEncoder().encode(csv)).table;
const texts = (column: Column, n: number) => Array.from({ length: n }, (_, r) => cellText(column, r));

describe('boolean columns keep their spelling', () => {
  it('reads yes/no, Yes/No and TRUE/FALSE as booleans and shows them as written', () => {
    const table = load('a,b,c\nyes,No,TRUE\nno,Yes,FALSE\n,No,TRUE\n');
    expect(table.columns.map((c) => c.type)).toEqual(['boolean', 'boolean', 'boolean']);
    expect(texts(table.columns[0], 3)).toEqual(['yes', 'no', '']);
    expect(texts(table.columns[1], 3)).toEqual(['No', 'Yes', 'No']);
    expect(texts(table.columns[2], 3)).toEqual(['TRUE', 'FALSE', 'TRUE']);
    expect(previewRows(table).rows[0]).toEqual(['yes', 'No', 'TRUE']);
  });

  it('completes a column that only ever holds one side with the partner word in the same case', () => {
    const table = load('a,b\nYes,n\nYes,n\n');
    const [a, b] = table.columns;
    expect(a).toMatchObject({ type: 'boolean', spelling: { true: 'Yes', false: 'No' } });
    expect(b.type).toBe('category'); // a lone "n" is a letter, not a boolean, unless the user says so
  });

  it('lists the profile top values in the file’s spelling', () => {
    const table = load('churn\nYes\nNo\nYes\n');
    const profile = profileTable(table, { roles: {} });
    expect(profile.columns[0].top).toEqual([
      { value: 'Yes', count: 2 },
      { value: 'No', count: 1 },
    ]);
  });

  it('keeps Y/N and 1/0 when the user types the column as boolean', () => {
    const yn = castColumn(load('x\nY\nN\nY\n').columns[0], 'boolean');
    expect(yn.unreadable).toBe(0);
    expect(texts(yn.column, 3)).toEqual(['Y', 'N', 'Y']);
    const bits = castColumn(load('x\n1\n0\n1\n').columns[0], 'boolean');
    expect(bits.column.type).toBe('boolean');
    expect(texts(bits.column, 3)).toEqual(['1', '0', '1']);
  });

  it('round-trips the spelling through the canonical encoding', () => {
    const table = load('a,b\nyes,1\nno,2\n');
    const back = decodeTable(encodeTable(table));
    expect(texts(back.columns[0], 2)).toEqual(['yes', 'no']);
    expect(back).toEqual(table);
  });

  it('gives true/false tables the same bytes as before (saved ids stay valid) and yes/no tables their own id', async () => {
    const plain = load('a,b\ntrue,1\nfalse,2\n');
    expect(String.fromCharCode(...encodeTable(plain).subarray(0, 8))).toBe('MLWBTBL1');
    // The id this table had before spellings existed (computed on main).
    expect(await datasetId(plain)).toBe(PLAIN_ID);
    const spelled: DataTable = load('a,b\nyes,1\nno,2\n');
    expect(String.fromCharCode(...encodeTable(spelled).subarray(0, 8))).toBe('MLWBTBL2');
    expect(await datasetId(spelled)).not.toBe(PLAIN_ID);
  });

  it('names the classes of a yes/no target yes and no', () => {
    const table = load('x,survived\n1,yes\n2,no\n3,yes\n4,no\n');
    const data = resolveTrainingData(
      table,
      table.columns.map((c) => ({ name: c.name, type: c.type, role: 'feature' })),
      { target: 'survived', features: ['x'], task: 'auto' },
    );
    expect(data.labels).toEqual(['no', 'yes']);
    expect(Array.from(data.classes!)).toEqual([1, 0, 1, 0]);
  });
});

const PLAIN_ID = '3be421860215c55e5061814878f1db46ecc077a115e87bb874edf10443550a59';
