/**
 * Column choices for a training run, read from a saved version's schema and
 * profile (the table itself stays in storage), by the same rules the worker
 * applies for real (core/train/training-data.ts).
 */
import type { DatasetVersion } from '../core/data/versions/dataset-version.ts';
import { defaultFeatures as schemaFeatures, taskFor } from '../core/train/training-data.ts';
import type { Task } from '../core/train/pipeline-spec.ts';

export { isModelReadable } from '../core/train/training-data.ts';

/** The column whose role is target, else none. */
export function defaultTarget(version: DatasetVersion | undefined): string {
  return version?.schema.find((c) => c.role === 'target')?.name ?? '';
}

/** The task the target implies, from its type and distinct count. */
export function detectTask(version: DatasetVersion | undefined, target: string): Task {
  const column = version?.profile.columns.find((c) => c.name === target);
  return column ? taskFor(column.type, column.distinct) : 'classification';
}

/** Default feature columns of a saved version. */
export function defaultFeatures(version: DatasetVersion | undefined, target: string): string[] {
  return version ? schemaFeatures(version.schema, target) : [];
}
