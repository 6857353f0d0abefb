import type { RunRecord } from '../../train/run-record.ts';
import { metaYaml, type MlflowFile } from './mlflow-files.ts';
import { MLFLOW_RUN_STATUS, MLFLOW_SOURCE_LOCAL, mlflowKey, mlflowNumber, mlflowRunId } from './mlflow-mapping.ts';

/** Longest param value MLflow accepts; longer ones (split indices) point at the spec artifact instead. */
const PARAM_LIMIT = 6000;

/**
 * The files of one run in MLflow's tracking file store:
 * `mlruns/<experiment>/<run>/meta.yaml`, one file per param (its value),
 * per metric (lines `timestamp value step`) and per tag (its value), and
 * `artifacts/pipeline-spec.json`. Model artifacts are added by the caller.
 */
export function runFiles(run: RunRecord, experimentId: string, experimentUri: string): MlflowFile[] {
  const runId = mlflowRunId(run.id);
  const dir = `mlruns/${experimentId}/${runId}`;
  const start = Date.parse(run.startedAt);
  const end = Date.parse(run.finishedAt);
  const files: MlflowFile[] = [
    {
      path: `${dir}/meta.yaml`,
      content: metaYaml({
        artifact_uri: `${experimentUri}/${runId}/artifacts`,
        end_time: end,
        entry_point_name: '',
        experiment_id: experimentId,
        lifecycle_stage: 'active',
        run_id: runId,
        run_name: run.name,
        run_uuid: runId,
        source_name: '',
        source_type: MLFLOW_SOURCE_LOCAL,
        source_version: '',
        start_time: start,
        status: MLFLOW_RUN_STATUS[run.status],
        tags: [],
        user_id: 'workbench',
      }),
    },
    { path: `${dir}/artifacts/pipeline-spec.json`, content: `${JSON.stringify(run.spec, null, 2)}\n` },
  ];
  for (const [key, value] of Object.entries(runParams(run)))
    files.push({ path: `${dir}/params/${mlflowKey(key)}`, content: value });
  for (const [key, lines] of runMetrics(run, end))
    files.push({ path: `${dir}/metrics/${mlflowKey(key)}`, content: lines.join('\n') + '\n' });
  for (const [key, value] of Object.entries(runTags(run))) files.push({ path: `${dir}/tags/${key}`, content: value });
  return files;
}

/** The spec flattened to dotted keys (`model.kind`, `split.testFraction`…); arrays as JSON. */
export function runParams(run: RunRecord): Record<string, string> {
  const params: Record<string, string> = {};
  const visit = (value: unknown, key: string) => {
    if (value === null || value === undefined) return;
    if (typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) visit(v, key ? `${key}.${k}` : k);
      return;
    }
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    params[key] =
      text.length <= PARAM_LIMIT
        ? text
        : `${Array.isArray(value) ? `${value.length} values` : `${text.length} characters`}; see artifacts/pipeline-spec.json`;
  };
  visit(run.spec, '');
  delete params.schemaVersion;
  return params;
}

/**
 * Metric histories: the held-out metrics at step 0 (every scalar of the
 * report, `null` ones left out), the cross-validation mean and standard
 * deviation, and the training curve (loss, val_loss, accuracy, val_accuracy)
 * at each of its steps. The run's end time stamps them all.
 */
export function runMetrics(run: RunRecord, timestamp: number): Map<string, string[]> {
  const metrics = new Map<string, string[]>();
  const log = (key: string, value: number | null, step: number) => {
    if (value === null) return;
    const lines = metrics.get(key) ?? [];
    lines.push(`${timestamp} ${mlflowNumber(value)} ${step}`);
    metrics.set(key, lines);
  };
  const outcome = run.outcome;
  if (outcome) {
    for (const [key, value] of Object.entries(outcome.metrics)) {
      if (typeof value === 'number') log(key === 'n' ? 'test_rows' : key, value, 0);
    }
    if (outcome.crossValidation) {
      log(`cv_${outcome.crossValidation.metric}_mean`, outcome.crossValidation.mean, 0);
      log(`cv_${outcome.crossValidation.metric}_std`, outcome.crossValidation.std, 0);
    }
  }
  for (const point of run.curve) {
    log('loss', point.loss, point.step);
    log('val_loss', point.valLoss, point.step);
    log('accuracy_curve', point.accuracy, point.step);
    log('val_accuracy_curve', point.valAccuracy, point.step);
  }
  return metrics;
}

/** MLflow's own tags (run name, source, note) and the workbench's lineage. */
export function runTags(run: RunRecord): Record<string, string> {
  const tags: Record<string, string> = {
    'mlflow.runName': run.name,
    'mlflow.source.type': 'LOCAL',
    'mlflow.source.name': 'mlops-workbench',
    'mlflow.user': 'workbench',
    'mlflow.note.content': runNote(run),
    'workbench.run_id': run.id,
    'workbench.dataset_version_id': run.datasetVersionId,
    'workbench.dataset_name': run.datasetName,
    'workbench.model_kind': run.spec.model.kind,
    'workbench.workbench_version': run.environment.workbenchVersion,
    'workbench.platform': run.environment.platform,
  };
  if (run.environment.backend) tags['workbench.tfjs_backend'] = run.environment.backend;
  if (run.reason) tags['workbench.reason'] = run.reason;
  if (run.rerunOf) tags['workbench.rerun_of'] = mlflowRunId(run.rerunOf.runId);
  return tags;
}

function runNote(run: RunRecord): string {
  const lines = [
    `Trained in the MLOps Workbench on dataset **${run.datasetName}** (version \`${run.datasetVersionId.slice(0, 12)}\`).`,
    `Model: ${run.spec.model.kind}; target: \`${run.spec.target}\`; seed ${run.seed}.`,
  ];
  if (run.reason) lines.push(`Status: ${run.status} — ${run.reason}`);
  return lines.join('\n\n');
}
