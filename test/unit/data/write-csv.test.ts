import { describe, expect, it } from 'vitest';
import { escapeCell, toCsv } from '../../../src/core/data/ingest/write-csv.ts';
import { parseCsv } from '../../../src/core/data/ingest/parse-csv.ts';

describe('toCsv', () => {
  it('neutralises formula-looking cells but leaves negative numbers alone', () => {
    expect(escapeCell("=cmd|' /C calc'!A0")).toBe(`"'=cmd|' /C calc'!A0"`);
    expect(escapeCell('@SUM(A1)')).toBe('"\'@SUM(A1)"');
    expect(escapeCell('+1+2')).toBe('"\'+1+2"');
    expect(escapeCell('-12.5')).toBe('-12.5');
    expect(escapeCell('plain')).toBe('plain');
  });

  it('writes CSV that reads back to the same cells', () => {
    const csv = toCsv(['a', 'b'], [['x, "y"', 'line\nbreak']]);
    const { table } = parseCsv(new TextEncoder().encode(csv));
    const a = table.columns[0] as { dictionary: string[] };
    const b = table.columns[1] as { dictionary: string[] };
    expect([a.dictionary[0], b.dictionary[0]]).toEqual(['x, "y"', 'line\nbreak']);
  });
});
