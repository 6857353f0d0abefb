import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/data/ingest/parse-csv.ts';
import { draftFromCsv, profileDraft } from '../../../src/core/data/draft.ts';

// Issue 12, items 2 and 3: the warnings a new user sees on churn- and Titanic-like files.
const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/new-user', name));
const warningsOf = (bytes: Uint8Array, name = 'data.csv') =>
  profileDraft(draftFromCsv(parseCsv(bytes), name, bytes.length)).warnings;
const csv = (text: string) => new TextEncoder().encode(text);

describe('mixed-kind warnings', () => {
  it('does not flag three-level categories such as No / Yes / No internet service', () => {
    const warnings = warningsOf(fixture('churn.csv'), 'churn.csv');
    expect(warnings.filter((w) => w.code === 'mixed-types')).toEqual([]);
  });

  it('flags a column of numbers with a few words, naming an odd cell', () => {
    const rows = Array.from({ length: 40 }, (_, i) => (i === 7 ? 'call us' : String(10 + i)));
    const warnings = warningsOf(csv(`price\n${rows.join('\n')}\n`));
    const mixed = warnings.filter((w) => w.code === 'mixed-types');
    expect(mixed).toHaveLength(1);
    expect(mixed[0].message).toContain('39 numbers and 1 text value (e.g. "call us" in data row 8)');
  });

  it('flags a date column with a few non-dates, but not a column that is half numbers, half words', () => {
    const dates = Array.from({ length: 20 }, (_, i) =>
      i === 3 ? 'soon' : `2024-01-${String(i + 1).padStart(2, '0')}`,
    );
    const half = Array.from({ length: 20 }, (_, i) => (i % 2 ? 'A' + i : String(i)));
    const rows = dates.map((d, i) => `${d},${half[i]}`);
    const warnings = warningsOf(csv(`when,code\n${rows.join('\n')}\n`));
    expect(warnings.filter((w) => w.code === 'mixed-types').map((w) => w.column)).toEqual(['when']);
  });
});

describe('missing-value warnings', () => {
  it('warns from 5% missing and says how training fills a numeric feature', () => {
    const warnings = warningsOf(fixture('titanic.csv'), 'titanic.csv');
    const age = warnings.filter((w) => w.code === 'missing-some');
    expect(age).toHaveLength(1);
    expect(age[0].column).toBe('age');
    expect(age[0].message).toContain('missing in 20.0% of rows (12 of 60)');
    expect(age[0].message).toContain('median of the training rows');
    expect(age[0].message).toContain('Train view');
  });

  it('does not warn below 5%, and says a target’s empty rows are left out', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i === 3 ? '' : i},${i < 4 ? '' : i % 2 ? 'a' : 'b'}`);
    const profile = profileDraft({
      ...draftFromCsv(parseCsv(csv(`x,label\n${rows.join('\n')}\n`)), 'd.csv', 1),
      roles: { x: 'feature', label: 'target' },
    });
    const missing = profile.warnings.filter((w) => w.code === 'missing-some');
    expect(missing.map((w) => w.column)).toEqual(['label']); // x: 1 of 40 = 2.5%
    expect(missing[0].message).toContain('leaves rows without a target value out');
  });
});
