import { WorkbenchError } from '../../core/errors.ts';
import { lookupOnline } from '../../core/features/online/online-lookup.ts';
import { serviceViews } from '../../core/features/retrieval/load-view.ts';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../command.ts';
import { printable, renderTable } from '../text-table.ts';
import { strictParse } from '../train-options.ts';
import { DEFAULT_WORKSPACE, openCliWorkspace, WORKSPACE_OPTION, WORKSPACE_USAGE } from '../workspace-option.ts';

const USAGE = `Usage: workbench features online <service|view> --keys <key,…> [--at <iso time>] [--workspace <dir>] [--json]

Looks up feature vectors for entity keys in the online store. Values older
than the view's TTL at --at (default: the time the store was materialized
up to) are missing, as they would be in training at that time. For an
entity with several key columns write the parts joined by "|".

Options:
  --keys <keys>  entity keys, comma-separated
  --at <time>    the request time (ISO 8601)
${WORKSPACE_USAGE}
  --json         print { "features": [...], "rows": [{ "key", "values" }] }
  -h, --help     show this help

Exit codes: 0 looked up, 1 unknown service or empty store, 2 wrong command line.`;

/** `workbench features online <service> --keys …`. */
export const featuresOnlineCommand: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = strictParse(args, {
      keys: { type: 'string' },
      at: { type: 'string' },
      ...WORKSPACE_OPTION,
      json: { type: 'boolean', default: false },
    });
    if (positionals.length !== 1) throw new UsageError('Give the feature service (or view) to look up.');
    const keyText = values.keys as string | undefined;
    if (!keyText) throw new UsageError('Give --keys with one or more entity keys.');
    const keys = keyText.split(',').map((k) => k.trim().split('|').join('\u001f'));
    const store = await openCliWorkspace((values.workspace as string | undefined) ?? DEFAULT_WORKSPACE, false);
    const views = await serviceViews(store, positionals[0]);
    const tables = await Promise.all(
      views.map(async (view) => {
        const table = await store.getRecord('onlineFeatures', view.name);
        if (!table || table.viewId !== view.id) {
          throw new WorkbenchError(
            'features.not_materialized',
            `Feature view ${view.id} has not been materialized${table ? ` (the store holds ${table.viewId})` : ''}. Run \`workbench features materialize\` first.`,
          );
        }
        return { view, table };
      }),
    );
    const atText = values.at as string | undefined;
    const at = atText === undefined ? Math.min(...tables.map((t) => Date.parse(t.table.end))) : Date.parse(atText);
    if (Number.isNaN(at)) throw new UsageError(`--at "${printable(atText ?? '')}" is not an ISO 8601 time.`);
    const result = lookupOnline(tables, keys, at);
    const shown = {
      features: result.features,
      rows: result.rows.map((r) => ({ key: r.key.split('\u001f').join('|'), values: r.values })),
    };
    io.stdout(
      values.json
        ? `${JSON.stringify(shown, null, 2)}\n`
        : `${renderTable(
            ['key', ...shown.features],
            shown.rows.map((r) => [printable(r.key), ...r.values.map((v) => (v === null ? '' : printable(String(v))))]),
          )}\n`,
    );
    return EXIT_OK;
  },
};
