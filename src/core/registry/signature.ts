import type { DatasetVersion } from '../data/versions/dataset-version.ts';
import type { ColumnType } from '../data/types.ts';
import { WorkbenchError } from '../errors.ts';
import type { RunRecord } from '../train/run-record.ts';
import type { InputSignature } from './registry-types.ts';

/**
 * The input signature of a completed run: its features with their types and
 * roles in the dataset version's schema, and its target with the labels.
 */
export function buildSignature(run: RunRecord, datasetVersion: DatasetVersion): InputSignature {
  const outcome = run.outcome;
  if (!outcome)
    throw new WorkbenchError(
      'registry.run_not_completed',
      `Run "${run.name}" has no outcome. Register a completed run.`,
    );
  const column = (name: string) => {
    const found = datasetVersion.schema.find((c) => c.name === name);
    if (!found) {
      throw new WorkbenchError(
        'registry.signature_column_missing',
        `Column "${name}" used by run "${run.name}" is not in dataset version ${datasetVersion.id.slice(0, 12)}. Register a run trained on this dataset version.`,
      );
    }
    return found;
  };
  const target = column(run.spec.target);
  return {
    inputs: outcome.features.map((name) => {
      const c = column(name);
      return { name: c.name, type: c.type, role: c.role };
    }),
    target: { name: target.name, type: target.type, labels: [...outcome.labels] },
    task: outcome.task,
  };
}

/** How signature `b` differs from signature `a`; `matches` when a consumer of `a` can call `b` unchanged. */
export interface SignatureDiff {
  matches: boolean;
  /** Inputs `b` needs that `a` did not. */
  added: string[];
  /** Inputs `a` needed that `b` does not. */
  removed: string[];
  typeChanged: { name: string; from: ColumnType; to: ColumnType }[];
  target: { from: string; to: string } | null;
  targetType: { from: ColumnType; to: ColumnType } | null;
  labels: { added: string[]; removed: string[]; reordered: boolean } | null;
  task: { from: string; to: string } | null;
}

/**
 * Compares two signatures by input names and types (order does not matter:
 * inputs are looked up by name), target, task and labels (their order does
 * matter: it is the order of the predicted probabilities).
 */
export function signatureDiff(a: InputSignature, b: InputSignature): SignatureDiff {
  const typesA = new Map(a.inputs.map((i) => [i.name, i.type]));
  const typesB = new Map(b.inputs.map((i) => [i.name, i.type]));
  const added = [...typesB.keys()].filter((n) => !typesA.has(n));
  const removed = [...typesA.keys()].filter((n) => !typesB.has(n));
  const typeChanged = [...typesA]
    .filter(([n, t]) => typesB.has(n) && typesB.get(n) !== t)
    .map(([name, from]) => ({ name, from, to: typesB.get(name)! }));
  const labelsAdded = b.target.labels.filter((l) => !a.target.labels.includes(l));
  const labelsRemoved = a.target.labels.filter((l) => !b.target.labels.includes(l));
  const reordered =
    labelsAdded.length === 0 &&
    labelsRemoved.length === 0 &&
    a.target.labels.join('\u0000') !== b.target.labels.join('\u0000');
  const diff: SignatureDiff = {
    matches: false,
    added,
    removed,
    typeChanged,
    target: a.target.name === b.target.name ? null : { from: a.target.name, to: b.target.name },
    targetType: a.target.type === b.target.type ? null : { from: a.target.type, to: b.target.type },
    labels:
      labelsAdded.length || labelsRemoved.length || reordered
        ? { added: labelsAdded, removed: labelsRemoved, reordered }
        : null,
    task: a.task === b.task ? null : { from: a.task, to: b.task },
  };
  diff.matches =
    !added.length &&
    !removed.length &&
    !typeChanged.length &&
    !diff.target &&
    !diff.targetType &&
    !diff.labels &&
    !diff.task;
  return diff;
}

/** The differences in one sentence each, for gate messages and the compare view. */
export function describeSignatureDiff(diff: SignatureDiff): string[] {
  const list = (names: string[]) => names.map((n) => `"${n}"`).join(', ');
  const lines: string[] = [];
  if (diff.added.length) lines.push(`new inputs ${list(diff.added)}`);
  if (diff.removed.length) lines.push(`inputs no longer used ${list(diff.removed)}`);
  for (const t of diff.typeChanged) lines.push(`"${t.name}" changed from ${t.from} to ${t.to}`);
  if (diff.target) lines.push(`target changed from "${diff.target.from}" to "${diff.target.to}"`);
  if (diff.targetType) lines.push(`target type changed from ${diff.targetType.from} to ${diff.targetType.to}`);
  if (diff.task) lines.push(`task changed from ${diff.task.from} to ${diff.task.to}`);
  if (diff.labels?.added.length) lines.push(`new labels ${list(diff.labels.added)}`);
  if (diff.labels?.removed.length) lines.push(`labels no longer predicted ${list(diff.labels.removed)}`);
  if (diff.labels?.reordered) lines.push('labels are in a different order');
  return lines;
}
