import { describe, expect, it } from 'vitest';
import { numeric, strings, table } from '../helpers/tables.ts';
import { profileTable } from '../../../src/core/data/profile/profile.ts';
import type { ColumnInference } from '../../../src/core/data/ingest/inference-types.ts';
import type { QualityWarning } from '../../../src/core/data/profile/profile-types.ts';
import type { ColumnRole, DataTable } from '../../../src/core/data/types.ts';

function warnings(
  t: DataTable,
  roles: Record<string, ColumnRole> = {},
  inference?: ColumnInference[],
): QualityWarning[] {
  return profileTable(t, { roles, inference }).warnings;
}

function range(n: number): number[];
function range<T>(n: number, f: (i: number) => T): T[];
function range(n: number, f: (i: number) => unknown = (i) => i): unknown[] {
  return Array.from({ length: n }, (_, i) => f(i));
}
/** Deterministic pseudo-random values in [0, 1) so tests need no rng. */
const noise = (n: number, seed = 1) =>
  range(n, (i) => (((Math.sin(i * 12.9898 + seed * 78.233) * 43758.5453) % 1) + 1) % 1);

describe('column checks', () => {
  it('flags a constant column, quoting its value, and tells the user to ignore it', () => {
    const w = warnings(table(strings('country', ['NO', 'NO', null, 'NO']), numeric('x', [1, 2, 3, 4]))).find(
      (x) => x.code === 'constant',
    )!;
    expect(w.column).toBe('country');
    expect(w.message).toContain('"NO"');
    expect(w.message).toContain('Set its role to ignore');
  });

  it('quotes a constant datetime as ISO 8601 and a constant number as its value', () => {
    const day = Date.UTC(2024, 0, 1);
    const ws = warnings(
      table(numeric('when', [day, day, day], 'datetime'), numeric('k', [2.5, 2.5, 2.5]), numeric('x', [1, 2, 3])),
    );
    expect(ws.map((w) => w.message.match(/same value \((.*?)\)/)![1])).toEqual(['"2024-01-01T00:00:00.000Z"', '"2.5"']);
  });

  it('flags an all-missing column once, not also as mostly missing or constant', () => {
    const ws = warnings(table(numeric('x', [1, 2, 3]), numeric('empty', [null, null, null])));
    expect(ws.map((w) => [w.code, w.column])).toEqual([['missing-all', 'empty']]);
    expect(ws[0].message).toContain('all 3 rows');
  });

  it('flags a column missing in at least 95% of rows as mostly missing, and one at 94% as partly missing', () => {
    const mostly = range(200, (i) => (i < 195 ? NaN : i));
    const some = range(200, (i) => (i < 188 ? NaN : i));
    const ws = warnings(table(numeric('mostly', mostly), numeric('some', some), numeric('x', noise(200))));
    expect(ws.map((w) => [w.code, w.column])).toEqual([
      ['missing-most', 'mostly'],
      ['missing-some', 'some'],
    ]);
    expect(ws[0].message).toContain('97.5% of rows (195 of 200)');
  });

  it('counts duplicate rows', () => {
    const ws = warnings(table(strings('a', ['x', 'y', 'x', 'x']), numeric('b', [1, 2, 1, 1])));
    const w = ws.find((x) => x.code === 'duplicate-rows')!;
    expect(w.message).toMatch(/^2 rows repeat an earlier row exactly \(50\.0% of rows\)/);
  });

  it('reports mixed value kinds with counts and an example cell from inference', () => {
    const inference: ColumnInference[] = [
      {
        name: 'price',
        type: 'category',
        counts: { missing: 0, integer: 900, decimal: 50, boolean: 0, datetime: 0, text: 50 },
        nonConforming: [{ row: 12, value: 'call us' }],
      },
    ];
    const t = table(
      strings(
        'price',
        range(1000, (i) => String(i % 20)),
      ),
    );
    const w = warnings(t, {}, inference).find((x) => x.code === 'mixed-types')!;
    expect(w.column).toBe('price');
    expect(w.message).toContain('950 numbers and 50 text values (e.g. "call us" in data row 13)');
  });

  it('does not report mixed kinds when all cells are one kind (integers and decimals are one kind)', () => {
    const inference: ColumnInference[] = [
      {
        name: 'x',
        type: 'number',
        counts: { missing: 3, integer: 5, decimal: 5, boolean: 0, datetime: 0, text: 0 },
        nonConforming: [],
      },
    ];
    expect(warnings(table(numeric('x', [1, 1.5, 2])), {}, inference)).toEqual([]);
  });

  it('flags unique strings and unique integer sequences as identifier-like, but not unique decimals', () => {
    const n = 12;
    const ws = warnings(
      table(
        strings(
          'code',
          range(n, (i) => `c-${i}`),
          'identifier',
        ),
        numeric(
          'row',
          range(n, (i) => n - i),
          'integer',
        ),
        numeric(
          'height',
          range(n, (i) => 150 + i * 1.37),
        ),
        numeric(
          'area',
          range(n, (i) => i * i),
          'integer',
        ),
      ),
    );
    expect(ws.filter((w) => w.code === 'identifier-like').map((w) => [w.column, w.severity])).toEqual([
      ['code', 'warning'],
      ['row', 'warning'],
    ]);
  });

  it('needs at least 10 rows to call a column identifier-like, and only informs when its role is entity', () => {
    expect(
      warnings(
        table(
          strings(
            'code',
            range(9, (i) => `c${i}`),
          ),
        ),
      ),
    ).toEqual([]);
    const [w] = warnings(
      table(
        strings(
          'code',
          range(10, (i) => `c${i}`),
        ),
      ),
      { code: 'entity' },
    );
    expect([w.code, w.severity]).toEqual(['identifier-like', 'info']);
  });

  it('skips columns whose role is ignore', () => {
    expect(warnings(table(numeric('x', [1, 2, 3]), numeric('k', [5, 5, 5])), { k: 'ignore' })).toEqual([]);
  });
});

describe('target checks', () => {
  const species = range(30, (i) => ['Adelie', 'Gentoo', 'Chinstrap'][i % 3]);

  it('reports a target with one class as an error', () => {
    const ws = warnings(
      table(
        strings(
          'label',
          range(12, () => 'spam'),
        ),
        numeric('x', range(12)),
      ),
      { label: 'target' },
    );
    const w = ws.find((x) => x.code === 'target-one-class')!;
    expect(w.severity).toBe('error');
    expect(w.column).toBe('label');
    expect(w.message).toContain('only one value ("spam")');
    expect(ws.some((x) => x.code === 'target-leakage')).toBe(false);
  });

  it('flags a categorical feature whose every value maps to one class', () => {
    const code = species.map((s) => s.slice(0, 1));
    const island = range(30, (i) => ['Biscoe', 'Dream', 'Torgersen', 'Biscoe'][i % 4]);
    const ws = warnings(table(strings('species', species), strings('code', code), strings('island', island)), {
      species: 'target',
    });
    expect(ws.filter((w) => w.code === 'target-leakage').map((w) => w.column)).toEqual(['code']);
    const w = ws.find((x) => x.code === 'target-leakage')!;
    expect(w.message).toContain('each of its 3 values goes with a single class of the target "species"');
    expect(w.message).toContain('Set its role to ignore');
  });

  it('flags a numeric feature whose class ranges do not overlap, but not one whose ranges do', () => {
    const r = noise(30);
    const separated = species.map((s, i) => ({ Adelie: 10, Gentoo: 20, Chinstrap: 30 })[s]! + r[i] * 5);
    const overlapping = species.map((s, i) => ({ Adelie: 10, Gentoo: 20, Chinstrap: 30 })[s]! + r[i] * 15);
    const ws = warnings(
      table(strings('species', species), numeric('sep', separated), numeric('overlap', overlapping)),
      { species: 'target' },
    );
    expect(ws.filter((w) => w.code === 'target-leakage').map((w) => w.column)).toEqual(['sep']);
  });

  it('does not call an identifier-like feature leakage even when rows are ordered by class', () => {
    const sorted = [...species].sort();
    const ws = warnings(table(strings('species', sorted), numeric('row', range(30), 'integer')), { species: 'target' });
    expect(ws.some((w) => w.code === 'target-leakage')).toBe(false);
    expect(ws.some((w) => w.code === 'identifier-like' && w.column === 'row')).toBe(true);
  });

  it('flags a numeric feature equal to or perfectly correlated with a numeric target, not a noisy one', () => {
    const r = noise(40);
    const price = r.map((v) => 100 + v * 50);
    const ws = warnings(
      table(
        numeric('price', price),
        numeric('copy', price),
        numeric(
          'cents',
          price.map((p) => p * 100 + 3),
        ),
        numeric(
          'noisy',
          price.map((p, i) => p + noise(40, 2)[i] * 10),
        ),
      ),
      { price: 'target' },
    );
    const leaks = ws.filter((w) => w.code === 'target-leakage');
    expect(leaks.map((w) => w.column)).toEqual(['copy', 'cents']);
    expect(leaks[0].message).toContain('equals the target "price" in every row');
    expect(leaks[1].message).toContain('Pearson r = 1.00000');
  });

  it('runs no target checks when no column is the target', () => {
    const ws = warnings(
      table(
        strings('species', species),
        strings(
          'code',
          species.map((s) => s[0]),
        ),
      ),
    );
    expect(ws.map((w) => w.code)).toEqual(['duplicate-rows']);
  });
});
