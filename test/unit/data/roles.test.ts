import { describe, expect, it } from 'vitest';
import { guessRoles, looksLikeTarget } from '../../../src/core/data/profile/roles.ts';
import type { Column, ColumnType, DataTable } from '../../../src/core/data/types.ts';

/** Roles depend only on names and types, so the columns can be empty. */
function column(name: string, type: ColumnType): Column {
  return type === 'category' || type === 'text' || type === 'identifier'
    ? { name, type, codes: new Int32Array(0), dictionary: [] }
    : { name, type, values: new Float64Array(0) };
}

function table(...columns: [string, ColumnType][]): DataTable {
  return { rowCount: 0, columns: columns.map(([name, type]) => column(name, type)) };
}

describe('guessRoles', () => {
  it('makes identifiers entities, datetimes timestamps, a target-like name the target, the rest features', () => {
    const roles = guessRoles(
      table(
        ['id', 'identifier'],
        ['when', 'datetime'],
        ['bill_length_mm', 'number'],
        ['island', 'category'],
        ['Species', 'category'],
      ),
    );
    expect(roles).toEqual({
      id: 'entity',
      when: 'timestamp',
      bill_length_mm: 'feature',
      island: 'feature',
      Species: 'target',
    });
  });

  it('prefers the last target-like column when several match', () => {
    expect(guessRoles(table(['label', 'category'], ['x', 'number'], ['y', 'integer']))).toEqual({
      label: 'feature',
      x: 'feature',
      y: 'target',
    });
  });

  it('leaves every column a feature when none is named like a target', () => {
    expect(guessRoles(table(['a', 'number'], ['b', 'category']))).toEqual({ a: 'feature', b: 'feature' });
  });

  it('does not make an identifier or datetime column the target, whatever its name', () => {
    expect(guessRoles(table(['class', 'identifier'], ['outcome', 'datetime']))).toEqual({
      class: 'entity',
      outcome: 'timestamp',
    });
  });
});

describe('looksLikeTarget', () => {
  it('matches target words whole or as a word of the name, in any case', () => {
    const names = [
      'TARGET',
      'Label',
      'class',
      'y',
      'Y',
      'species',
      'Outcome',
      'class_label',
      'target-price',
      'OutcomeFlag',
      ' species ',
    ];
    expect(names.filter(looksLikeTarget)).toEqual(names);
  });

  it('does not match words that merely contain a target word, or y inside a name', () => {
    expect(['classroom', 'labels_count_x', 'pos_y', 'yield', 'subclassing'].filter(looksLikeTarget)).toEqual([]);
  });
});
