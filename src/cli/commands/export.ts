import { WorkbenchError } from '../../core/errors.ts';
import { kserveSettingsFor, kserveZip } from '../../core/export/kserve/index.ts';
import { exportOnnx, onnxExportInput } from '../../core/export/onnx/index.ts';
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

const FORMATS = ['bundle', 'onnx', 'kserve'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage: workbench export <name> <version> --out <path> [--format bundle|onnx|kserve] [--workspace <dir>] [--json]

Writes a model version (a number or an alias). The default format, bundle, is a zip that
workbench import (or the app's Import) verifies and loads: the model in an
open format (TF.js Layers model.json + weights.bin for the MLP, forest.json,
linear-model.json), the fitted preprocessing, the pipeline spec, the input
signature, the model card (Markdown) and a manifest with every file's
SHA-256. The same version always gives the same bytes.

--format onnx writes one .onnx file (opset 21, ai.onnx.ml 5) that takes the
raw columns (one input per column: double for numbers, NaN = missing; string
for categories, '' = missing) and holds the fitted preprocessing and the
model; outputs label and probabilities (classifiers) or variable
(regressors). A model the export cannot represent exactly is refused.

--format kserve writes a zip with that model.onnx, a KServe InferenceService
manifest (serving.kserve.io/v1beta1, modelFormat onnx) and a README saying
how to apply it. The canary share comes from the workspace's latest canary
rollout of the version; resources are sized from the model.

Options:
  --out <path>             the file to write (required); an existing folder gets
                           <name>-v<version>.zip (.onnx, -kserve.zip) inside it
  --format <format>        bundle (default), onnx or kserve
  --storage-uri <uri>      kserve: where model.onnx will be uploaded
                           (default pvc://models/<service name>)
  --namespace <ns>         kserve: the Kubernetes namespace
  --cpu <quantity>         kserve: CPU request and limit (e.g. 2, 500m)
  --memory <quantity>      kserve: memory request and limit (e.g. 1Gi)
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
      format: { type: 'string', default: 'bundle' },
      'storage-uri': { type: 'string' },
      namespace: { type: 'string' },
      cpu: { type: 'string' },
      memory: { type: 'string' },
      ...WORKSPACE_OPTION,
      json: { type: 'boolean', default: false },
    });
    const { name, ref } = modelVersionArgs(positionals);
    const format = values.format as string;
    if (!(FORMATS as readonly string[]).includes(format))
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}".`);
    const out = values.out as string | undefined;
    if (!out) throw new UsageError('Say where to write the export with --out <file>.');
    const store = await openCliWorkspace((values.workspace as string | undefined) ?? DEFAULT_WORKSPACE, false);
    const { version } = await findVersion(store, name, ref);
    const base = bundleFolderName(version.modelName, version.version);
    const made = await exportAs(format as Format, store, version, values);
    const zip = made.bytes;
    const file = await writeOutputFile(out, zip, made.what, `${base}${made.suffix}`);
    io.stdout(
      values.json
        ? `${JSON.stringify({ file, bytes: zip.length, version: version.id, format }, null, 2)}\n`
        : `exported ${printable(version.id)} (${version.modelKind}, ${version.stage}) to ${printable(file)} (${zip.length} bytes)\n`,
    );
    return EXIT_OK;
  },
};

/** The bytes of one export format, what to call them in messages, and the default file name's ending. */
async function exportAs(
  format: Format,
  store: WorkspaceStore,
  version: ModelVersion,
  values: Record<string, unknown>,
): Promise<{ bytes: Uint8Array; what: string; suffix: string }> {
  if (format === 'bundle') return { bytes: await bundleOf(store, version), what: 'the model bundle', suffix: '.zip' };
  const onnx = exportOnnx(await onnxExportInput(store, version));
  if (format === 'onnx') return { bytes: onnx, what: 'the ONNX model', suffix: '.onnx' };
  const settings = await kserveSettingsFor(store, version, onnx.length, {
    storageUri: values['storage-uri'] as string | undefined,
    namespace: (values.namespace as string | undefined) ?? null,
    cpu: values.cpu as string | undefined,
    memory: values.memory as string | undefined,
  });
  return { bytes: kserveZip(version, onnx, settings), what: 'the KServe bundle', suffix: '-kserve.zip' };
}

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
