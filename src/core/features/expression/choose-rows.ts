import type { ExprType } from './ast.ts';
import { compactStrings, numeric, stringAt, type NumericVector, type StringVector, type Vector } from './vectors.ts';

/** Chooses, per row, the branch value of the first condition that holds; a missing condition gives a missing value. */
export function chooseRows(
  rows: number,
  type: ExprType,
  conditions: Float64Array[],
  branches: Vector[],
  otherwise: Vector | null,
): Vector {
  const pick = new Int32Array(rows).fill(-1);
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < conditions.length; k++) {
      const c = conditions[k][r];
      if (c !== c) break;
      if (c === 1) {
        pick[r] = k;
        break;
      }
      if (k === conditions.length - 1 && otherwise) pick[r] = conditions.length;
    }
  }
  const all = otherwise ? [...branches, otherwise] : branches;
  if (type === 'string') {
    return compactStrings(rows, (r) => (pick[r] < 0 ? null : stringAt(all[pick[r]] as StringVector, r)));
  }
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) out[r] = pick[r] < 0 ? NaN : (all[pick[r]] as NumericVector).values[r];
  return numeric(type as NumericVector['type'], out);
}
