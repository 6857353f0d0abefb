import { compactStrings, mapDictionary, numeric, stringAt, type StringVector, type Vector } from './vectors.ts';

/**
 * lower, upper, length and contains. Each works on the dictionary where it
 * can, so a column of a million rows and twenty distinct values does twenty
 * string operations.
 */
export function stringFunction(name: string, args: Vector[], rows: number): Vector {
  const s = args[0] as StringVector;
  switch (name) {
    case 'lower':
    case 'upper': {
      const mapped = s.dictionary.map((v) => (name === 'lower' ? v.toLowerCase() : v.toUpperCase()));
      return compactStrings(rows, (r) => (s.codes[r] < 0 ? null : mapped[s.codes[r]]));
    }
    case 'length':
      // Characters, not UTF-16 code units: 'é' and '😀' count as one.
      return numeric(
        'number',
        mapDictionary(s, (v) => [...v].length),
      );
    case 'contains': {
      const part = args[1] as StringVector;
      if (part.dictionary.length === 1) {
        const needle = part.dictionary[0];
        const found = mapDictionary(s, (v) => (v.includes(needle) ? 1 : 0));
        for (let r = 0; r < rows; r++) if (part.codes[r] < 0) found[r] = NaN;
        return numeric('boolean', found);
      }
      const out = new Float64Array(rows);
      for (let r = 0; r < rows; r++) {
        const x = stringAt(s, r);
        const y = stringAt(part, r);
        out[r] = x === null || y === null ? NaN : x.includes(y) ? 1 : 0;
      }
      return numeric('boolean', out);
    }
    default:
      throw new Error(`no string function ${name}`);
  }
}
