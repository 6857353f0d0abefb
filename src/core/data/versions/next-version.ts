import type { DatasetVersion } from './dataset-version.ts';
import { baseName } from './file-name.ts';

/**
 * The saved version a freshly loaded file most likely continues: the newest
 * one named like the file (`churn.csv` → `churn`) or saved from a file of
 * the same name. Null when there is none, or when the file holds exactly
 * that version's data.
 *
 * @example
 * nextVersionOf(versions, 'churn.csv', contentId)?.name // 'churn'
 */
export function nextVersionOf(
  versions: readonly DatasetVersion[],
  fileName: string,
  contentId: string,
): DatasetVersion | null {
  const name = baseName(fileName);
  const same = versions.filter((v) => v.name === name || v.source?.fileName === fileName);
  if (same.length === 0) return null;
  const newest = same.reduce((a, b) => (b.createdAt > a.createdAt ? b : a));
  return newest.id === contentId ? null : newest;
}
