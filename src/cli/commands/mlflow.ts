import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkbenchError } from '../../core/errors.ts';
import { mlflowExport, type VersionArtifacts } from '../../core/export/mlflow/mlflow-export.ts';
import { buildModelCard } from '../../core/registry/model-card.ts';
import { modelCardMarkdown } from '../../core/registry/model-card-markdown.ts';
import type { ModelVersion } from '../../core/registry/registry-types.ts';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../command.ts';
import { printable } from '../text-table.ts';
import { strictParse } from '../train-options.ts';
import { DEFAULT_WORKSPACE, openCliWorkspace, WORKSPACE_OPTION, WORKSPACE_USAGE } from '../workspace-option.ts';
import { bundleOf } from './export.ts';
import { onnxArtifactOf } from '../../core/export/mlflow/onnx-artifact.ts';

const USAGE = `Usage: workbench mlflow export --out <dir> [--workspace <dir>] [--json]

Writes the workspace's training runs and registered models in MLflow's
file-store layout, so a team can open them with
  mlflow ui --backend-store-uri <dir>/mlruns
and continue there: one experiment per dataset, one run per training run
(params from the pipeline spec, held-out metrics, the training curve, tags
with the workbench ids), each model version's model card and workbench
bundle (and ONNX model, when exported) in its run's artifacts, and the
registry with stages and aliases (Development → None; Staging, Production
and Archived as they are; aliases as MLflow aliases).

Options:
  --out <dir>              the folder to write mlruns/ into (required; created if missing)
${WORKSPACE_USAGE}
  --json                   print { "root", "runs", "models", "versions", "files" }
  -h, --help               show this help

Exit codes: 0 written, 1 nothing to export or a file cannot be written,
2 wrong command line.`;

/** \`workbench mlflow export --out <dir> […]\`. */
export const mlflowCommand: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const [sub, ...rest] = args;
    if (sub === undefined) {
      io.stdout(`${USAGE}\n`);
      return 2;
    }
    if (sub !== 'export') throw new UsageError(`Unknown subcommand "${printable(sub)}". Use: export.`);
    const { values, positionals } = strictParse(rest, {
      out: { type: 'string' },
      ...WORKSPACE_OPTION,
      json: { type: 'boolean', default: false },
    });
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${printable(positionals[0])}".`);
    const out = values.out as string | undefined;
    if (!out) throw new UsageError('Say where to write mlruns/ with --out <dir>.');
    const store = await openCliWorkspace((values.workspace as string | undefined) ?? DEFAULT_WORKSPACE, false);
    const [runs, models, versions] = await Promise.all([
      store.listRuns(),
      store.listRecords('models'),
      store.listRecords('modelVersions'),
    ]);
    const artifacts = new Map<string, VersionArtifacts>();
    for (const version of versions) {
      const run = runs.find((r) => r.id === version.runId);
      if (!run) continue;
      const card = buildModelCard({
        version,
        run,
        datasetVersion: await store.getDatasetVersion(version.datasetVersionId),
      });
      artifacts.set(version.id, {
        modelCard: modelCardMarkdown(card),
        bundle: await bundleOrNull(store, version),
        onnx: await onnxArtifactOf(store, version),
      });
    }
    const root = resolve(out);
    const files = mlflowExport({
      runs,
      models,
      versions,
      artifacts: (v: ModelVersion) => artifacts.get(v.id)!,
      rootUri: pathToFileURL(join(root, 'mlruns')).href,
    });
    try {
      for (const file of files) {
        const path = join(root, ...file.path.split('/'));
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, file.content);
      }
    } catch (cause) {
      throw new WorkbenchError(
        'cli.write_failed',
        `Cannot write the MLflow export into "${printable(root)}" (${(cause as NodeJS.ErrnoException).code ?? String(cause)}). Check that the folder is writable, or give another --out.`,
        { cause },
      );
    }
    const summary = {
      root: join(root, 'mlruns'),
      runs: runs.length,
      models: models.length,
      versions: versions.length,
      files: files.length,
    };
    io.stdout(
      values.json
        ? `${JSON.stringify(summary, null, 2)}\n`
        : `wrote ${summary.runs} run${summary.runs === 1 ? '' : 's'}, ${summary.models} registered model${summary.models === 1 ? '' : 's'} (${summary.versions} version${summary.versions === 1 ? '' : 's'}) to ${printable(summary.root)}; open it with: mlflow ui --backend-store-uri ${printable(summary.root)}\n`,
    );
    return EXIT_OK;
  },
};

/** The version's workbench bundle; a version whose model cannot be bundled still gets its card and run. */
async function bundleOrNull(store: Parameters<typeof bundleOf>[0], version: ModelVersion): Promise<Uint8Array | null> {
  try {
    return await bundleOf(store, version);
  } catch (error) {
    if (error instanceof WorkbenchError) return null;
    throw error;
  }
}
