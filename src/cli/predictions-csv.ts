import { toCsv } from '../core/data/ingest/write-csv.ts';
import type { RunOutcome } from '../core/train/run-pipeline.ts';

/**
 * The held-out predictions of a run as CSV: `row` (0-based data-row index,
 * header excluded), `actual`, `predicted` — class labels for classification
 * — then one probability column `p_<label>` per class. Cells go through
 * {@link toCsv}, so a label that looks like a spreadsheet formula is
 * neutralised.
 *
 * @example
 * predictionsCsv(outcome) // 'row,actual,predicted,p_setosa,…\r\n4,setosa,setosa,0.97,…\r\n…'
 */
export function predictionsCsv(outcome: Pick<RunOutcome, 'task' | 'labels' | 'predictions'>): string {
  const { rows, actual, predicted, proba } = outcome.predictions;
  if (outcome.task === 'regression') {
    return toCsv(
      ['row', 'actual', 'predicted'],
      Array.from(rows, (row, i) => [String(row), String(actual[i]), String(predicted[i])]),
    );
  }
  const labels = outcome.labels;
  const k = labels.length;
  const header = ['row', 'actual', 'predicted', ...labels.map((label) => `p_${label}`)];
  const body = Array.from(rows, (row, i) => {
    const cells = [String(row), labels[actual[i]], labels[predicted[i]]];
    for (let j = 0; j < k; j++) cells.push(proba ? String(proba[i * k + j]) : '');
    return cells;
  });
  return toCsv(header, body);
}
