import type { ModelVersion, RegisteredModel } from '../../registry/registry-types.ts';
import { metaYaml, type MlflowFile } from './mlflow-files.ts';
import { MLFLOW_STAGE, mlflowAlias, mlflowRunId } from './mlflow-mapping.ts';

/**
 * A registered model and its versions in MLflow's model-registry file store:
 * `mlruns/models/<name>/meta.yaml`, `tags/<key>`, `aliases/<alias>` (the
 * file holds the version number), and `version-<n>/meta.yaml` with
 * `tags/<key>` per version. Stages map through {@link MLFLOW_STAGE}.
 *
 * @param sourceOf the artifact URI of a version's model folder (its `source`)
 */
export function registryFiles(
  model: RegisteredModel,
  versions: ModelVersion[],
  sourceOf: (version: ModelVersion) => string,
): MlflowFile[] {
  const dir = `mlruns/models/${model.name}`;
  const created = Date.parse(model.createdAt);
  const updated = Math.max(created, ...versions.map((v) => Date.parse(v.createdAt)));
  const files: MlflowFile[] = [
    {
      path: `${dir}/meta.yaml`,
      content: metaYaml({
        creation_timestamp: created,
        description: model.description,
        last_updated_timestamp: updated,
        name: model.name,
      }),
    },
    { path: `${dir}/tags/workbench.latest_version`, content: String(model.latestVersion) },
  ];
  for (const version of versions) {
    const at = Date.parse(version.createdAt);
    const vdir = `${dir}/version-${version.version}`;
    files.push({
      path: `${vdir}/meta.yaml`,
      content: metaYaml({
        aliases: [],
        creation_timestamp: at,
        current_stage: MLFLOW_STAGE[version.stage],
        description: version.description,
        last_updated_timestamp: at,
        name: model.name,
        run_id: mlflowRunId(version.runId),
        run_link: '',
        source: sourceOf(version),
        status: 'READY',
        status_message: '',
        storage_location: sourceOf(version),
        user_id: version.createdBy,
        version: version.version,
      }),
    });
    const tags: Record<string, string> = {
      ...version.tags,
      'workbench.id': version.id,
      'workbench.stage': version.stage,
      'workbench.model_kind': version.modelKind,
      'workbench.dataset_version_id': version.datasetVersionId,
    };
    if (version.aliases.length > 0) tags['workbench.aliases'] = version.aliases.join(',');
    for (const [key, value] of Object.entries(tags)) files.push({ path: `${vdir}/tags/${key}`, content: value });
    for (const alias of version.aliases)
      files.push({ path: `${dir}/aliases/${mlflowAlias(alias)}`, content: String(version.version) });
  }
  return files;
}

/** Whether MLflow accepts `name` as a registered model folder (no path separator, no `%`). */
export function mlflowModelNameProblem(name: string): string | null {
  if (/[\\/]/.test(name)) return 'contains a path separator';
  if (name.includes('%')) return "contains '%'";
  if (name === '.' || name === '..') return 'is a relative folder name';
  return null;
}
