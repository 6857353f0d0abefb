import { basename } from 'node:path';
import { WorkbenchError } from '../../core/errors.ts';
import { validatePipelineSpec } from '../../core/train/validate-spec.ts';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../command.ts';
import { readJsonFile } from '../read-file.ts';
import { printable } from '../text-table.ts';
import { REGISTER_OPTION, registerOption, strictParse, workspaceOption } from '../train-options.ts';
import { openCliWorkspace, WORKSPACE_OPTION } from '../workspace-option.ts';

const USAGE = `Usage: workbench run <pipeline.json> --data <file.csv> [--predictions <out.csv>] [--workspace <dir> [--register <model-name>]] [--json]

Runs a pipeline spec (downloaded from the Train view, or the "spec" of
workbench train --json) on the CSV file of the dataset version it was made
for, and prints the same report as workbench train. The file must be that
exact version: its version id must equal the spec's datasetVersionId.
A spec with "featureSource": { "service", "timestamp", "views": [] } trains
on features: the file is the entity table, joined point-in-time with the
service's feature views from --workspace; the run records the view versions.

Options:
  --data <file.csv>        the data the spec was made for (required)
  --predictions <out.csv>  write the held-out rows' predictions: row, actual, predicted,
                           then p_<class> per class
  --json                   print one JSON object instead of a summary
  --workspace <dir>        also keep the data and the run in this workspace folder (created
                           if missing), with their audit events; prints the run id.
  --register <model-name>  with --workspace: register the stored run as the next version of
                           this model (created if new), in Development; prints the version
                           ("modelVersion" in --json). A failed run registers nothing.
  -h, --help               show this help

Exit codes: 0 ran, 1 the spec or the data cannot be used (one line on
stderr says why and what to change), 2 wrong command line.`;

/** How many hex digits of a version id identify it to a person. */
const SHORT_ID = 12;

/** `workbench run <pipeline.json> --data <file.csv> […]`. */
export const runCommand: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = strictParse(args, {
      data: { type: 'string' },
      predictions: { type: 'string' },
      json: { type: 'boolean', default: false },
      ...WORKSPACE_OPTION,
      ...REGISTER_OPTION,
    });
    const workspace = workspaceOption(values);
    const register = registerOption(values);
    if (positionals.length !== 1)
      throw new UsageError(
        positionals.length === 0
          ? 'Give the pipeline spec (a .json file) to run.'
          : `Give exactly one spec file; got ${positionals.length}.`,
      );
    const dataPath = values.data as string | undefined;
    if (!dataPath) throw new UsageError('Give the data to run the spec on with --data <file.csv>.');
    const specPath = positionals[0];
    let spec = validatePipelineSpec(
      await readJsonFile(
        specPath,
        'Give a pipeline spec downloaded from the Train view, or the "spec" of workbench train --json.',
      ),
    );
    // Loaded only now, as in `workbench train`: the models (and TF.js) are not start-up costs.
    const { loadData, runAndReport } = await import('../run-training.ts');
    let data = await loadData(dataPath);
    if (data.versionId !== spec.datasetVersionId) {
      throw new WorkbenchError(
        'cli.wrong_dataset',
        `${printable(basename(dataPath))} is not dataset version ${printable(spec.datasetVersionId.slice(0, SHORT_ID))} that the spec was made for; it is version ${data.versionId.slice(0, SHORT_ID)}. Give the CSV file the spec was made from, or train a new spec on this file with workbench train.`,
      );
    }
    if (spec.featureSource) {
      // The data is the entity table: join it with the feature service's views in the workspace.
      if (!workspace)
        throw new UsageError('A spec with a featureSource reads its feature views from a workspace: give --workspace.');
      const { featureTrainingTable } = await import('../../core/features/retrieval/training-table.ts');
      const joined = await featureTrainingTable(
        await openCliWorkspace(workspace, false),
        data.table,
        data.schema,
        spec.featureSource,
      );
      data = { ...data, table: joined.table, schema: joined.schema };
      spec = { ...spec, featureSource: joined.featureSource };
    }
    await runAndReport(
      data,
      spec,
      {
        predictions: (values.predictions as string | undefined) ?? null,
        json: values.json as boolean,
        workspace,
        register,
      },
      io,
    );
    return EXIT_OK;
  },
};
