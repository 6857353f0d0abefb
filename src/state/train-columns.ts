/**
 * Column choices for a training run, read from a saved version's schema and
 * profile (the table itself stays in storage): the default target, the task
 * the target implies, and the default features. The rules are those of
 * core/train/training-data.ts, which decides for real in the worker.
 */
import type { DatasetVersion } from '../core/data/dataset-version.ts';
import type { ColumnType } from '../core/data/types.ts';
import type { Task } from '../core/train/pipeline-spec.ts';

/** Integer targets with at most this many distinct values are classes (as training-data.ts). */
const MAX_INTEGER_CLASSES = 20;

/** The column whose role is target, else none. */
export function defaultTarget(version: DatasetVersion | undefined): string {
  return version?.schema.find((c) => c.role === 'target')?.name ?? '';
}

/** Classification for categories, booleans and integers with few values; regression otherwise. */
export function detectTask(version: DatasetVersion | undefined, target: string): Task {
  const column = version?.profile.columns.find((c) => c.name === target);
  if (!column) return 'classification';
  if (column.type === 'integer') return column.distinct > MAX_INTEGER_CLASSES ? 'regression' : 'classification';
  return column.type === 'number' || column.type === 'datetime' ? 'regression' : 'classification';
}

/** Types a model cannot read as they are: free text and identifiers. */
export function isUnusableType(type: ColumnType): boolean {
  return type === 'text' || type === 'identifier';
}

/**
 * Feature columns by default: role feature — or role target when the run
 * predicts another column — and not text or identifiers.
 */
export function defaultFeatures(version: DatasetVersion | undefined, target: string): string[] {
  if (!version) return [];
  return version.schema
    .filter((c) => c.name !== target && (c.role === 'feature' || c.role === 'target') && !isUnusableType(c.type))
    .map((c) => c.name);
}
