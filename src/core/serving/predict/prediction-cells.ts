import type { ScoredTable } from './score-table.ts';

/**
 * The predictions as CSV cells, the columns `train --predictions` writes:
 * `row`, `actual` (only when the data had the target), `predicted` (the
 * user's own label, or the value), then `p_<label>` per class. Numbers are
 * written as JavaScript prints them, so equal values give equal text.
 *
 * @example
 * predictionCells(scored).header; // ['row', 'predicted', 'p_setosa', 'p_versicolor', 'p_virginica']
 */
export function predictionCells(scored: ScoredTable): { header: string[]; rows: string[][] } {
  const { labels, proba, actual } = scored;
  const k = labels.length;
  const header = ['row', ...(actual ? ['actual'] : []), 'predicted', ...(proba ? labels.map((l) => `p_${l}`) : [])];
  const rows = Array.from(scored.rows, (row, i) => {
    const cells = [String(row)];
    if (actual) cells.push(actual[i]);
    cells.push(proba ? labels[scored.predicted[i]] : String(scored.predicted[i]));
    if (proba) for (let j = 0; j < k; j++) cells.push(String(proba[i * k + j]));
    return cells;
  });
  return { header, rows };
}
