import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/data/ingest/parse-csv.ts';
import { datasetId } from '../../../src/core/data/versions/dataset-id.ts';
import type { Column, NumericColumn, StringColumn } from '../../../src/core/data/types.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const parse = (text: string) => parseCsv(bytes(text));
const col = (text: string, name: string): Column => parse(text).table.columns.find((c) => c.name === name)!;
const values = (c: Column) => Array.from((c as NumericColumn).values);
const strings = (c: Column) =>
  Array.from((c as StringColumn).codes, (k) => (k < 0 ? null : (c as StringColumn).dictionary[k]));

describe('parseCsv: types are inferred from every row', () => {
  it('types numbers, integers, booleans, datetimes and categories', () => {
    const { table } = parse(
      'n,i,b,d,c\n1.5,1,true,2024-01-15,a\n-2,2,FALSE,2024-01-16T10:30:00Z,b\n3e2,-3,yes,2024-02-29 08:00,a\n',
    );
    expect(table.columns.map((c) => c.type)).toEqual(['number', 'integer', 'boolean', 'datetime', 'category']);
    expect(values(table.columns[0])).toEqual([1.5, -2, 300]);
    expect(values(table.columns[2])).toEqual([1, 0, 1]);
    expect(values(table.columns[3])).toEqual([
      Date.UTC(2024, 0, 15),
      Date.UTC(2024, 0, 16, 10, 30),
      Date.UTC(2024, 1, 29, 8),
    ]);
  });

  it('keeps a column as text when a value far past the first 1,000 rows is not a number', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => (i === 4321 ? 'n/a-ish' : String(i)));
    const parsed = parse(`x\n${rows.join('\n')}\n`);
    expect(parsed.table.columns[0].type).not.toBe('integer');
    expect(parsed.inference[0].counts).toMatchObject({ integer: 4999, text: 1 });
    expect(parsed.inference[0].nonConforming).toEqual([{ row: 4321, value: 'n/a-ish' }]);
  });

  it('reads NA, empty and null cells as missing without making the column text', () => {
    expect(values(col('x,y\n1,a\nNA,b\n,c\nnull,d\n', 'x'))).toEqual([1, NaN, NaN, NaN]);
  });

  it('keeps leading zeros and integers beyond 2^53 as text, so no digit is lost', () => {
    expect(strings(col('zip,k\n00123,1\n02139,2\n', 'zip'))).toEqual(['00123', '02139']);
    expect(strings(col('big,k\n12345678901234567890,1\n12345678901234567891,2\n', 'big'))).toEqual([
      '12345678901234567890',
      '12345678901234567891',
    ]);
  });

  it('calls all-distinct short strings identifiers and long sentences text', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `user-${i}`);
    expect(col(`id,k\n${ids.map((id) => `${id},1`).join('\n')}\n`, 'id').type).toBe('identifier');
    const sentences = Array.from(
      { length: 12 },
      (_, i) => `"this is review number ${i}, which is quite long and wordy"`,
    );
    expect(col(`review,k\n${sentences.map((s) => `${s},1`).join('\n')}\n`, 'review').type).toBe('text');
  });

  it('does not treat US-style dates as dates (ambiguous day and month)', () => {
    expect(col('d,k\n01/02/2024,1\n03/04/2024,2\n', 'd').type).toBe('category');
  });
});

describe('parseCsv: the file format does not change the data', () => {
  const lf = 'name,score,when\nann,1.5,2024-01-01\n"bob ""b""",2,2024-01-02\ncy,,2024-01-03\n';

  it('gives the same dataset id for LF, CRLF, CR, different quoting, a BOM, ; and tab delimiters and UTF-16', async () => {
    const variants = [
      lf,
      lf.replaceAll('\n', '\r\n'),
      lf.replaceAll('\n', '\r'),
      '"name","score","when"\n"ann","1.5","2024-01-01"\n"bob ""b""","2","2024-01-02"\n"cy","","2024-01-03"\n',
      '\uFEFF' + lf,
      lf.replaceAll(',', ';'),
      lf.replaceAll(',', '\t'),
    ];
    const ids = await Promise.all(variants.map((v) => datasetId(parse(v).table)));
    const utf16 = new Uint8Array(2 + lf.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < lf.length; i++) utf16[2 + 2 * i] = lf.charCodeAt(i);
    ids.push(await datasetId(parseCsv(utf16).table));
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives a different id when one value changes', async () => {
    expect(await datasetId(parse(lf).table)).not.toBe(await datasetId(parse(lf.replace('1.5', '1.6')).table));
  });

  it('unescapes doubled quotes and keeps delimiters and newlines inside quotes', () => {
    expect(strings(col('a,b\n"x, ""y""\nz",1\n', 'a'))).toEqual(['x, "y"\nz']);
  });

  it('skips blank lines and reads a trailing delimiter as an empty last cell', () => {
    const { table } = parse('a,b\n\n1,\n\n2,3\n\n');
    expect(table.rowCount).toBe(2);
    expect(values(table.columns[1])).toEqual([NaN, 3]);
  });

  it('says which lines are ragged and how many fields they have', () => {
    expect(() => parse('a,b,c\n1,2,3\n4,5\n6,7,8,9\n')).toThrow(
      /2 rows do not have the header's 3 fields \(line 3 has 2, line 4 has 4\)/,
    );
  });

  it('points at the line where an unterminated quote opens', () => {
    expect(() => parse('a,b\n1,2\n3,"oops\n5,6\n')).toThrow(/starts on line 3/);
  });

  it('names the byte and line of invalid UTF-8 and suggests re-saving as UTF-8', () => {
    const latin1 = new Uint8Array([...bytes('name\nok\ncaf'), 0xe9, 0x0a]);
    expect(() => parseCsv(latin1)).toThrow(/byte at offset 11 \(line 3\) is 0xE9.*save it again as "CSV UTF-8"/);
  });

  it('reports progress from 0 to 1', () => {
    const seen: number[] = [];
    parseCsv(bytes('a\n1\n2\n'), { onProgress: (f) => seen.push(f) });
    expect(seen[seen.length - 1]).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
  });
});
