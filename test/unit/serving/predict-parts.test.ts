import { describe, expect, it } from 'vitest';
import { registerRun, setAliases, transition } from '../../../src/core/registry/registry-service.ts';
import { readRegistry } from '../../../src/core/registry/registry-snapshot.ts';
import type { InputSignature } from '../../../src/core/registry/registry-types.ts';
import { conformTable } from '../../../src/core/serving/predict/conform-table.ts';
import { parseModelRef, resolveModelRef } from '../../../src/core/serving/predict/model-ref.ts';
import { rowsToTable } from '../../../src/core/serving/predict/rows-to-table.ts';
import { ACTOR, at, completedRun, storeWith } from '../registry/registry-fixtures.ts';
import { numeric, strings, table } from '../helpers/tables.ts';

const SIGNATURE: InputSignature = {
  inputs: [
    { name: 'length', type: 'number', role: 'feature' },
    { name: 'colour', type: 'category', role: 'feature' },
  ],
  target: { name: 'species', type: 'category', labels: ['setosa', 'versicolor'] },
  task: 'classification',
};

describe('model references', () => {
  it('splits name@ref at the last @ and refuses an empty part', () => {
    expect(parseModelRef('churn@Production')).toEqual({ name: 'churn', ref: 'Production' });
    expect(parseModelRef('churn')).toEqual({ name: 'churn', ref: null });
    expect(() => parseModelRef('churn@')).toThrow(/not a model reference/);
  });

  it('resolves a number, a stage in any case, an alias, and a bare name to Production', async () => {
    const { store, runs } = await storeWith((d) => [
      completedRun({ id: 'r1', datasetVersionId: d }),
      completedRun({ id: 'r2', datasetVersionId: d }),
    ]);
    for (const run of runs) await registerRun(store, { run, modelName: 'iris', actor: ACTOR, now: at(5) });
    await transition(store, { modelName: 'iris', version: 1, to: 'Staging', actor: ACTOR, now: at(6) });
    await setAliases(store, { modelName: 'iris', version: 2, aliases: ['champion'], actor: ACTOR, now: at(7) });
    const snapshot = await readRegistry(store);
    const resolve = (text: string) => resolveModelRef(snapshot, parseModelRef(text)).version;
    expect(resolve('iris@2')).toBe(2);
    expect(resolve('iris@staging')).toBe(1);
    expect(resolve('iris@champion')).toBe(2);
    expect(() => resolve('iris')).toThrow('Model "iris" has no version in Production');
    expect(() => resolve('iris@7')).toThrow(/has no version 7/);
  });
});

describe('conformTable', () => {
  it('reads numbers that arrived as text, and text inputs that arrived as numbers', () => {
    const incoming = table(strings('length', ['5.1', null]), numeric('colour', [1, 2]), strings('extra', ['x', 'y']));
    const conformed = conformTable(incoming, SIGNATURE);
    expect(conformed.columns.map((c) => [c.name, c.type])).toEqual([
      ['length', 'number'],
      ['colour', 'category'],
    ]);
    expect(Array.from((conformed.columns[0] as { values: Float64Array }).values)).toEqual([5.1, NaN]);
  });

  it('names the missing columns and the unreadable ones', () => {
    expect(() => conformTable(table(numeric('width', [1])), SIGNATURE)).toThrow(
      'The data lacks columns "length", "colour" that this model version reads',
    );
    expect(() => conformTable(table(strings('length', ['long']), strings('colour', ['red'])), SIGNATURE)).toThrow(
      '"length" (1 cell not number)',
    );
  });
});

describe('rowsToTable', () => {
  it('turns request rows into text columns, empty and null as missing', () => {
    const t = rowsToTable([
      { length: 5.1, colour: 'red', flag: true },
      { length: '', colour: null, flag: false },
    ]);
    expect(t.rowCount).toBe(2);
    expect(t.columns.map((c) => ('dictionary' in c ? [c.name, c.dictionary, Array.from(c.codes)] : null))).toEqual([
      ['length', ['5.1'], [0, -1]],
      ['colour', ['red'], [0, -1]],
      ['flag', ['true', 'false'], [0, 1]],
    ]);
    expect(Array.from((conformTable(t, SIGNATURE).columns[0] as { values: Float64Array }).values)).toEqual([5.1, NaN]);
  });

  it('refuses rows with different columns, naming them', () => {
    expect(() => rowsToTable([{ a: 1 }, { b: 2 }])).toThrow(
      'Row 1 has different columns from row 0 ("a" missing, "b" extra)',
    );
    expect(() => rowsToTable([])).toThrow(/no row to score/);
  });
});
