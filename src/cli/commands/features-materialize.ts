import { WorkbenchError } from '../../core/errors.ts';
import { materializeAll } from '../../core/features/online/materialize-store.ts';
import { EXIT_OK, type CliIo, type Command } from '../command.ts';
import { printable } from '../text-table.ts';
import { strictParse } from '../train-options.ts';
import {
  cliActor,
  DEFAULT_WORKSPACE,
  openCliWorkspace,
  WORKSPACE_OPTION,
  WORKSPACE_USAGE,
} from '../workspace-option.ts';

const USAGE = `Usage: workbench features materialize [--end <iso time>] [--workspace <dir>] [--json]

Writes the latest feature values per entity, as of --end (default: now),
into the workspace's online store, for the newest version of every applied
feature view. Incremental: a view materialized before reads only rows with
event times after its last end. One audit event records the run.

Options:
  --end <time>   read feature rows with event times up to this ISO 8601 time
${WORKSPACE_USAGE}
  --json         print { "end", "incremental", "views": [{ "id", "entities" }] }
  -h, --help     show this help

Exit codes: 0 materialized, 1 nothing to materialize or unusable data, 2 wrong command line.`;

/** `workbench features materialize`. */
export const featuresMaterializeCommand: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values } = strictParse(args, {
      end: { type: 'string' },
      ...WORKSPACE_OPTION,
      json: { type: 'boolean', default: false },
    });
    const endText = values.end as string | undefined;
    const end = endText === undefined ? Date.now() : Date.parse(endText);
    if (Number.isNaN(end)) {
      throw new WorkbenchError(
        'features.bad_timestamp',
        `--end "${printable(endText ?? '')}" is not a time. Write ISO 8601, e.g. 2024-03-01T00:00:00Z.`,
      );
    }
    const store = await openCliWorkspace((values.workspace as string | undefined) ?? DEFAULT_WORKSPACE, false);
    const result = await materializeAll(store, { end, actor: await cliActor(store), now: Date.now() });
    if (result.tables.length === 0) {
      throw new WorkbenchError(
        'features.unknown',
        'No feature view is applied in this workspace. Run `workbench features apply` first.',
      );
    }
    const summary = {
      end: new Date(end).toISOString(),
      incremental: result.incremental,
      views: result.tables.map((t) => ({ id: t.viewId, entities: t.keys.length })),
    };
    io.stdout(
      values.json
        ? `${JSON.stringify(summary, null, 2)}\n`
        : `${summary.views.map((v) => `${v.id}: ${v.entities} entities`).join('\n')}\nMaterialized up to ${summary.end}${summary.incremental ? ' (incremental)' : ''}.\n`,
    );
    return EXIT_OK;
  },
};
