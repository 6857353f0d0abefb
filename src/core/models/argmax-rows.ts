/**
 * The most probable class of each row of a row-major `rows × k` probability
 * matrix; on a tie the lower class index, as numpy's argmax in sklearn's
 * `predict`.
 */
export function argmaxRows(proba: Float64Array, k: number): Int32Array {
  const rows = proba.length / k;
  const out = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (proba[r * k + j] > proba[r * k + best]) best = j;
    out[r] = best;
  }
  return out;
}
