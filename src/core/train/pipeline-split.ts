import type { DataTable } from '../data/types.ts';
import { WorkbenchError } from '../errors.ts';
import type { BaseModelSpec } from '../models/model-entry.ts';
import { seededRng } from '../random/rng.ts';
import { droppedRows } from './drop-rows.ts';
import type { PipelineSpec } from './pipeline-spec.ts';
import { explicitSplit, randomSplit, type Split } from './split.ts';
import { timeOrderedSplit } from './time-split.ts';
import type { TrainingData } from './training-data.ts';

/**
 * The training and test rows a spec's split gives on `table`: random
 * (seeded, stratified for classification), time-ordered or explicit, with
 * the rows "drop the rows" imputation leaves out and the rows without a
 * target kept out of both. One function, so that a run and anything that
 * later recomputes its split (monitoring's training reference) agree.
 *
 * @returns the split, each row's stratum (−1: left out) and the dropped-row flags
 */
export function pipelineSplit(
  table: DataTable,
  data: TrainingData,
  spec: PipelineSpec<BaseModelSpec>,
): { split: Split; strata: Int32Array; dropped: Uint8Array } {
  const dropped = droppedRows(table, data.features, spec.preprocessing);
  const strata = stratify(data, table.rowCount, dropped);
  const split =
    spec.split.kind === 'random'
      ? randomSplit(
          table.rowCount,
          spec.split.testFraction,
          seededRng(spec.split.seed),
          spec.split.stratify && data.task === 'classification' ? strata : strata.map((s) => (s >= 0 ? 0 : -1)),
        )
      : spec.split.kind === 'time'
        ? // Dropped rows have stratum −1, so the time split leaves them out too.
          timeOrderedSplit(table, spec.split.column, spec.split.testFraction, strata)
        : checkedExplicit(table.rowCount, spec.split.train, spec.split.test, strata, dropped);
  return { split, strata, dropped };
}

/** Whether `row` has a target value. */
export function hasTarget(data: TrainingData, row: number): boolean {
  return data.classes ? data.classes[row] >= 0 : !Number.isNaN(data.values![row]);
}

function stratify(data: TrainingData, rows: number, dropped: Uint8Array): Int32Array {
  return Int32Array.from({ length: rows }, (_, r) =>
    dropped[r] || !hasTarget(data, r) ? -1 : data.classes ? data.classes[r] : 0,
  );
}

function checkedExplicit(rows: number, train: number[], test: number[], strata: Int32Array, dropped: Uint8Array) {
  // Rows that "drop the rows" imputation leaves out leave the explicit split too.
  const kept = (list: number[]) => list.filter((r) => !dropped[r]);
  const split = explicitSplit(rows, kept(train), kept(test));
  for (const r of [...split.train, ...split.test]) {
    if (strata[r] < 0)
      throw new WorkbenchError(
        'split.no_target',
        `Row ${r} of the split has no target value. Leave rows without a target out of the split.`,
      );
  }
  return split;
}
