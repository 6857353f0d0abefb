import { basename } from 'node:path';
import { applyDefinitions } from '../../core/features/definitions/apply-definitions.ts';
import { parseDefinitions } from '../../core/features/definitions/parse-definitions.ts';
import { serviceId } from '../../core/features/definitions/service-id.ts';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../command.ts';
import { readInputFile, readJsonFile } from '../read-file.ts';
import { saveCsvDataset } from '../save-csv-dataset.ts';
import { strictParse } from '../train-options.ts';
import {
  cliActor,
  DEFAULT_WORKSPACE,
  openCliWorkspace,
  WORKSPACE_OPTION,
  WORKSPACE_USAGE,
} from '../workspace-option.ts';

const USAGE = `Usage: workbench features apply <features.json> [--dataset <file.csv>]… [--workspace <dir>] [--json]

Validates feature definitions and registers them in the workspace:
{ "entities": [{ "name", "joinKeys": [cols] }],
  "featureViews": [{ "name", "entity", "source": <dataset name>, "eventTime", "created"?,
                     "ttl"?: "7d", "features": [ "<column>" | { "name", "expression" } ] }],
  "featureServices": [{ "name", "views": [names] }] }
Each view's source is the newest dataset version of that name; every
expression is type-checked against its columns (errors give the position).
A view whose definition changed is stored as a new version; applying the
same file again changes nothing.

Options:
  --dataset <file.csv>  save this CSV as a dataset version first (named after the file), repeatable
${WORKSPACE_USAGE}
  --json                print { "entities", "views": [{ "id", "changed" }], "services": [{ "id", "changed" }] }
  -h, --help            show this help

Exit codes: 0 applied, 1 invalid definitions (one line on stderr says where), 2 wrong command line.`;

/** `workbench features apply <features.json>`. */
export const featuresApplyCommand: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = strictParse(args, {
      dataset: { type: 'string', multiple: true },
      ...WORKSPACE_OPTION,
      json: { type: 'boolean', default: false },
    });
    if (positionals.length !== 1) throw new UsageError('Give the features.json file to apply.');
    const defs = parseDefinitions(await readJsonFile(positionals[0], 'Write the definitions as one JSON object.'));
    const store = await openCliWorkspace((values.workspace as string | undefined) ?? DEFAULT_WORKSPACE, true);
    const actor = await cliActor(store);
    for (const path of (values.dataset as string[] | undefined) ?? []) {
      const fileName = basename(path);
      await saveCsvDataset(store, await readInputFile(path), {
        name: fileName.replace(/\.[^.]*$/, ''),
        fileName,
        actor,
        now: Date.now(),
      });
    }
    const result = await applyDefinitions(store, defs, { actor, now: Date.now(), origin: basename(positionals[0]) });
    const summary = {
      entities: result.entities.map((e) => ({ name: e.entity.name, changed: e.changed })),
      views: result.views.map((v) => ({ id: v.view.id, changed: v.changed, source: v.view.sourceVersionId })),
      services: result.services.map((s) => ({ id: serviceId(s.service), changed: s.changed })),
    };
    if (values.json) io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
    else {
      const lines = [
        ...summary.entities.map((e) => `entity   ${e.name}${e.changed ? '' : ' (unchanged)'}`),
        ...summary.views.map((v) => `view     ${v.id}${v.changed ? '' : ' (unchanged)'}`),
        ...summary.services.map((s) => `service  ${s.id}${s.changed ? '' : ' (unchanged)'}`),
      ];
      io.stdout(`${lines.join('\n')}\n${result.event ? 'Applied.' : 'Nothing changed.'}\n`);
    }
    return EXIT_OK;
  },
};
