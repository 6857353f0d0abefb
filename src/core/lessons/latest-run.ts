import type { ConfusionMatrix } from '../metrics/confusion.ts';
import type { RunRecord } from '../train/run-record.ts';

/** The newest completed classification run and its confusion matrix (runs are listed newest first). */
export function latestClassificationRun(
  runs: readonly RunRecord[],
): { run: RunRecord; confusion: ConfusionMatrix } | null {
  const newest = [...runs]
    .filter((r) => r.status === 'completed' && r.outcome?.metrics.task === 'classification')
    .sort((a, b) => b.finishedAt.localeCompare(a.finishedAt))[0];
  if (newest?.outcome?.metrics.task !== 'classification') return null;
  return { run: newest, confusion: newest.outcome.metrics.confusion };
}
