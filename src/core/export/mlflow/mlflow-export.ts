import type { RegisteredModel, ModelVersion } from '../../registry/registry-types.ts';
import type { RunRecord } from '../../train/run-record.ts';
import { WorkbenchError } from '../../errors.ts';
import { metaYaml, type MlflowFile } from './mlflow-files.ts';
import { mlflowRunId } from './mlflow-mapping.ts';
import { mlflowModelNameProblem, registryFiles } from './registry-files.ts';
import { runFiles } from './run-files.ts';

/** The files of one model version that go into its run's artifacts, under `<model>-v<n>/`. */
export interface VersionArtifacts {
  /** The model card (Markdown). */
  modelCard: string;
  /** The workbench's own bundle (zip): model, preprocessing, spec, signature, card, manifest. */
  bundle: Uint8Array | null;
  /** The ONNX model, when an exporter made one (see onnx-artifact.ts). */
  onnx: Uint8Array | null;
}

export interface MlflowExportInput {
  runs: RunRecord[];
  models: RegisteredModel[];
  versions: ModelVersion[];
  artifacts: (version: ModelVersion) => VersionArtifacts;
  /** `file://` URI of the output folder's `mlruns` (absolute: MLflow stores absolute artifact URIs). */
  rootUri: string;
}

/**
 * A workspace's runs and registered models as MLflow's file store
 * (`mlruns/`), which `mlflow ui --backend-store-uri <out>/mlruns` opens:
 * one experiment per dataset name, one MLflow run per workbench run, each
 * version's model card, bundle (and ONNX model, when given) in its run's
 * artifacts, and the registry with stages, aliases and tags. Pure: the
 * caller writes the files.
 *
 * @throws WorkbenchError `mlflow.no_runs` when there is nothing to export, `mlflow.bad_model_name`
 */
export function mlflowExport(input: MlflowExportInput): MlflowFile[] {
  if (input.runs.length === 0 && input.versions.length === 0) {
    throw new WorkbenchError(
      'mlflow.no_runs',
      'The workspace has no training runs and no registered models, so there is nothing to export. Train a model first (workbench train … --workspace <dir>).',
    );
  }
  const datasets = [...new Set(input.runs.map((r) => r.datasetName))].sort();
  const experimentOf = new Map(datasets.map((name, i) => [name, String(i + 1)]));
  const files: MlflowFile[] = [];
  const runUri = new Map<string, string>();
  datasets.forEach((name) => {
    const id = experimentOf.get(name)!;
    const runs = input.runs.filter((r) => r.datasetName === name);
    const times = runs.map((r) => Date.parse(r.startedAt));
    files.push({
      path: `mlruns/${id}/meta.yaml`,
      content: metaYaml({
        artifact_location: `${input.rootUri}/${id}`,
        creation_time: Math.min(...times),
        experiment_id: id,
        last_update_time: Math.max(...runs.map((r) => Date.parse(r.finishedAt))),
        lifecycle_stage: 'active',
        name: `workbench: ${name}`,
      }),
    });
    files.push({ path: `mlruns/${id}/tags/workbench.dataset_name`, content: name });
    for (const run of runs) {
      files.push(...runFiles(run, id, `${input.rootUri}/${id}`));
      runUri.set(run.id, `${input.rootUri}/${id}/${mlflowRunId(run.id)}/artifacts`);
    }
  });
  const folderOf = (v: ModelVersion) => `${v.modelName}-v${v.version}`;
  for (const version of input.versions) {
    const artifactsUri = runUri.get(version.runId);
    if (!artifactsUri) continue; // an imported version: its run is not here, so it has no run folder
    const runDir = artifactsUri.slice(input.rootUri.length + 1);
    const dir = `mlruns/${runDir}/${folderOf(version)}`;
    const { modelCard, bundle, onnx } = input.artifacts(version);
    files.push({ path: `${dir}/model-card.md`, content: modelCard });
    if (bundle) files.push({ path: `${dir}/workbench-bundle.zip`, content: bundle });
    if (onnx) files.push({ path: `${dir}/model.onnx`, content: onnx });
  }
  for (const model of input.models) {
    const problem = mlflowModelNameProblem(model.name);
    if (problem) {
      throw new WorkbenchError(
        'mlflow.bad_model_name',
        `The model name "${model.name}" ${problem}, which MLflow's file store cannot hold as a folder. Register the model under another name, then export again.`,
      );
    }
    const versions = input.versions.filter((v) => v.modelName === model.name).sort((a, b) => a.version - b.version);
    files.push(
      ...registryFiles(model, versions, (v) => {
        const uri = runUri.get(v.runId);
        return uri ? `${uri}/${folderOf(v)}` : `workbench:${v.id}`;
      }),
    );
  }
  return files;
}
