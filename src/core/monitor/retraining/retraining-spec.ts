import type { DatasetVersion } from '../../data/versions/dataset-version.ts';
import { WorkbenchError } from '../../errors.ts';
import type { PipelineSpec } from '../../train/pipeline-spec.ts';
import type { RunRecord } from '../../train/run-record.ts';

/**
 * The champion's pipeline spec pointed at newer data: the same model,
 * hyperparameters, preprocessing and seed, with the features the champion
 * actually used named explicitly (so a column the newer data lacks is
 * caught, not silently dropped). Explicit row indices cannot carry over to
 * other data, so they become the default seeded, stratified 80/20 split.
 *
 * @throws WorkbenchError `retrain.missing_column` when the data lacks the target or a feature
 */
export function retrainingSpec(run: RunRecord, data: DatasetVersion): PipelineSpec {
  const features = run.outcome?.features ?? run.spec.features;
  const spec: PipelineSpec = {
    ...run.spec,
    datasetVersionId: data.id,
    features: [...features],
    split:
      run.spec.split.kind === 'indices'
        ? { kind: 'random', testFraction: 0.2, stratify: true, seed: run.spec.seed }
        : run.spec.split,
  };
  const have = new Set(data.schema.map((c) => c.name));
  const missing = [spec.target, ...spec.features].filter((c) => !have.has(c));
  if (missing.length > 0) {
    throw new WorkbenchError(
      'retrain.missing_column',
      `The pipeline spec of run ${run.name} names ${missing.map((m) => `"${m}"`).join(', ')}, which dataset version "${data.name}" (${data.id.slice(0, 12)}) does not have. Save a version of the newer data with ${missing.length === 1 ? 'that column' : 'those columns'}, or retrain from a spec without ${missing.length === 1 ? 'it' : 'them'}.`,
    );
  }
  return spec;
}
