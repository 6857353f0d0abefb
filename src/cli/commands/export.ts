import { WorkbenchError } from '../../core/errors.ts';
import type { WorkspaceStore } from '../../core/ports.ts';
import { bundleFolderName, exportModelBundle } from '../../core/registry/bundle/index.ts';
import { buildModelCard } from '../../core/registry/model-card.ts';
import { modelCardMarkdown } from '../../core/registry/model-card-markdown.ts';
import type { ModelVersion } from '../../core/registry/registry-types.ts';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../command.ts';
import { findVersion, modelVersionArgs } from '../model-args.ts';
import { printable } from '../text-table.ts';
import { strictParse } from '../train-options.ts';
import { DEFAULT_WORKSPACE, openCliWorkspace, WORKSPACE_OPTION, WORKSPACE_USAGE } from '../workspace-option.ts';
import { writeOutputFile } from '../write-file.ts';

const USAGE = `Usage: workbench export <name> <version> --out <path> [--workspace <dir>] [--json]

Writes a model version (a number or an alias) as a zip bundle that
workbench import (or the app's Import) verifies and loads: the model in an
open format (TF.js Layers model.json + weights.bin for the MLP, forest.json,
linear-model.json), the fitted preprocessing, the pipeline spec, the input
signature, the model card (Markdown) and a manifest with every file's
SHA-256. The same version always gives the same bytes.

Options:
  --out <path>             the zip to write (required); an existing folder gets
                           <name>-v<version>.zip inside it
${WORKSPACE_USAGE}
  --json                   print { "file", "bytes", "version" } instead of a sentence
  -h, --help               show this help

Exit codes: 0 written, 1 the version cannot be exported (e.g. it was itself
imported, so its run is not here) or the file cannot be written, 2 wrong
command line.`;

/** `workbench export <name> <version> --out <path> […]`. */
export const exportCommand: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = strictParse(args, {
      out: { type: 'string' },
      ...WORKSPACE_OPTION,
      json: { type: 'boolean', default: false },
    });
    const { name, ref } = modelVersionArgs(positionals);
    const out = values.out as string | undefined;
    if (!out) throw new UsageError('Say where to write the bundle with --out <file.zip>.');
    const store = await openCliWorkspace((values.workspace as string | undefined) ?? DEFAULT_WORKSPACE, false);
    const { version } = await findVersion(store, name, ref);
    const zip = await bundleOf(store, version);
    const file = await writeOutputFile(
      out,
      zip,
      'the model bundle',
      `${bundleFolderName(version.modelName, version.version)}.zip`,
    );
    io.stdout(
      values.json
        ? `${JSON.stringify({ file, bytes: zip.length, version: version.id }, null, 2)}\n`
        : `exported ${printable(version.id)} (${version.modelKind}, ${version.stage}) to ${printable(file)} (${zip.length} bytes)\n`,
    );
    return EXIT_OK;
  },
};

/**
 * The bundle of a version trained in this workspace: its run, stored
 * artifact and a model card built from the workspace's records.
 *
 * @throws WorkbenchError `bundle.wrong_run` for an imported version, `bundle.artifact_missing`, or the exporter's own
 */
export async function bundleOf(store: WorkspaceStore, version: ModelVersion): Promise<Uint8Array> {
  const run = await store.getRun(version.runId);
  if (!run) {
    throw new WorkbenchError(
      'bundle.wrong_run',
      `The run that trained ${version.id} is not in this workspace (the version was imported), so a complete bundle cannot be made. Export it from the workspace that trained it, or pass on the bundle it was imported from.`,
    );
  }
  const artifactBytes = await store.getBlob(version.artifactBlob);
  if (!artifactBytes) {
    throw new WorkbenchError(
      'bundle.artifact_missing',
      `The stored model of ${version.id} (blob ${version.artifactBlob.slice(0, 12)}) is missing from this workspace. Run workbench audit verify to see what else is damaged, and register the run again.`,
    );
  }
  const card = buildModelCard({
    version,
    run,
    datasetVersion: await store.getDatasetVersion(version.datasetVersionId),
  });
  return exportModelBundle({ version, run, artifactBytes, modelCardMarkdown: modelCardMarkdown(card) });
}
