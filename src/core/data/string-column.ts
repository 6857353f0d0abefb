/**
 * Dictionary-encodes `rowCount` strings (null = missing): codes index a
 * dictionary kept in first-appearance order, -1 marks a missing cell.
 *
 * @example
 * encodeStrings(3, (r) => ['a', null, 'a'][r]) // { codes: [0, -1, 0], dictionary: ['a'] }
 */
export function encodeStrings(
  rowCount: number,
  valueAt: (row: number) => string | null,
): { codes: Int32Array; dictionary: string[] } {
  const codes = new Int32Array(rowCount);
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  for (let r = 0; r < rowCount; r++) {
    const value = valueAt(r);
    if (value === null) {
      codes[r] = -1;
      continue;
    }
    let code = index.get(value);
    if (code === undefined) {
      code = dictionary.length;
      index.set(value, code);
      dictionary.push(value);
    }
    codes[r] = code;
  }
  return { codes, dictionary };
}
