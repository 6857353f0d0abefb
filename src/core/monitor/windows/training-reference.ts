import { decodeTable } from '../../data/versions/canonical-encoding.ts';
import type { ColumnSchema, DataTable } from '../../data/types.ts';
import { WorkbenchError } from '../../errors.ts';
import type { TfRuntime } from '../../models/tf-runtime.ts';
import type { WorkspaceStore } from '../../ports.ts';
import type { ModelVersion } from '../../registry/registry-types.ts';
import { scoreTable } from '../../serving/predict/score-table.ts';
import { loadServingModel } from '../../serving/predict/serving-model.ts';
import type { RunRecord } from '../../train/run-record.ts';
import { pipelineSplit } from '../../train/pipeline-split.ts';
import { resolveTrainingData } from '../../train/training-data.ts';
import { takeRows } from './table-rows.ts';

/** What a model version's monitoring compares against: the rows it learnt from and its answers on them. */
export interface MonitorReference {
  version: ModelVersion;
  /** The version's input columns over the reference rows. */
  features: DataTable;
  /** The version's prediction for each reference row, as text. */
  predictions: string[];
  /** Held-out accuracy at registration (null for regression or when not reported). */
  baselineAccuracy: number | null;
  /** Which rows these are, in words. */
  description: string;
}

/**
 * The rows a version learnt from, as its input columns: the training split
 * of its dataset version — recomputed from the run's seeded split, so
 * exactly the rows the model was fitted on — or every row when the run is
 * not in the workspace (an imported version). Drift of features needs only
 * this; monitoring adds the version's answers (trainingReference).
 *
 * @throws WorkbenchError `monitor.no_reference` when the training data is not in the workspace
 */
export async function referenceFeatures(
  store: WorkspaceStore,
  version: ModelVersion,
): Promise<Pick<MonitorReference, 'features' | 'description'>> {
  const dataset = await store.getDatasetVersion(version.datasetVersionId);
  const bytes = dataset && (await store.getBlob(dataset.id));
  if (!dataset || !bytes) {
    throw new WorkbenchError(
      'monitor.no_reference',
      `Dataset version ${version.datasetVersionId.slice(0, 12)} that ${version.id} was trained on is not in this workspace, so there is no reference to compare the traffic with. Import that dataset version (or the model's bundle with its data).`,
    );
  }
  const table = decodeTable(bytes);
  const run = await store.getRun(version.runId);
  const rows = run
    ? trainingRows(table, dataset.schema, run)
    : Int32Array.from({ length: table.rowCount }, (_, r) => r);
  const inputs = version.signature.inputs.map((i) => i.name);
  const description = run
    ? `the training split of "${dataset.name}" (${rows.length} of ${table.rowCount} rows, recomputed from run ${run.name}'s seeded split)`
    : `every row of "${dataset.name}" (${table.rowCount}; the training run is not in this workspace, so its split is unknown)`;
  return { features: takeRows(table, rows, inputs), description };
}

/**
 * The reference of a version (referenceFeatures) with the version's own
 * answers on those rows, for prediction drift.
 *
 * @throws WorkbenchError `monitor.no_reference` when the training data is not in the workspace
 */
export async function trainingReference(
  store: WorkspaceStore,
  version: ModelVersion,
  tf: TfRuntime | null,
): Promise<MonitorReference> {
  const { features, description } = await referenceFeatures(store, version);
  const model = await loadServingModel(store, version, tf);
  let predictions: string[];
  try {
    const scored = await scoreTable(model, features);
    predictions = Array.from(scored.predicted, (k) => (model.task === 'classification' ? model.labels[k] : String(k)));
  } finally {
    model.predictor.dispose();
  }
  return { version, features, predictions, baselineAccuracy: version.metrics.accuracy ?? null, description };
}

/** The rows a run trained on, from its spec: the same split run-pipeline made (one function computes both). */
export function trainingRows(table: DataTable, schema: ColumnSchema[], run: RunRecord): Int32Array {
  return pipelineSplit(table, resolveTrainingData(table, schema, run.spec), run.spec).split.train;
}
