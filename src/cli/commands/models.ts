import { productionVersion, readRegistry, requireModel, versionsOf } from '../../core/registry/registry-snapshot.ts';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../command.ts';
import { formatModels, formatVersions, type ModelSummary } from '../registry-text.ts';
import { printable } from '../text-table.ts';
import { strictParse } from '../train-options.ts';
import { DEFAULT_WORKSPACE, openCliWorkspace, WORKSPACE_OPTION, WORKSPACE_USAGE } from '../workspace-option.ts';

const USAGE = `Usage: workbench models [<name>] [--workspace <dir>] [--json]

Without a name, lists the registered models: how many versions each has,
the latest, the version in Production and the promotion gates. With a
name, lists that model's versions, oldest first: stage, aliases, headline
metrics, model kind, run, dataset version and when it was registered.

Options:
${WORKSPACE_USAGE}
  --json                   print JSON: an array of model records (each with "versions",
                           its version numbers, and "production", the Production version
                           or null), or with a name an array of that model's version records
  -h, --help               show this help

Exit codes: 0 listed, 1 no such model or workspace, 2 wrong command line.`;

/** `workbench models [<name>] [--workspace <dir>] [--json]`. */
export const modelsCommand: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = strictParse(args, {
      ...WORKSPACE_OPTION,
      json: { type: 'boolean', default: false },
    });
    if (positionals.length > 1)
      throw new UsageError(
        `Give at most one model name; got ${positionals.length} (${positionals.map((p) => `"${printable(p)}"`).join(', ')}).`,
      );
    const store = await openCliWorkspace((values.workspace as string | undefined) ?? DEFAULT_WORKSPACE, false);
    const snapshot = await readRegistry(store);
    const json = values.json as boolean;
    const [name] = positionals;
    if (name === undefined) {
      const models: ModelSummary[] = snapshot.models.map((m) => ({
        ...m,
        versions: versionsOf(snapshot, m.name).map((v) => v.version),
        production: productionVersion(snapshot, m.name)?.version ?? null,
      }));
      io.stdout(json ? `${JSON.stringify(models, null, 2)}\n` : `${formatModels(models)}\n`);
      return EXIT_OK;
    }
    const model = requireModel(snapshot, name);
    const versions = versionsOf(snapshot, name);
    io.stdout(json ? `${JSON.stringify(versions, null, 2)}\n` : `${formatVersions(model, versions)}\n`);
    return EXIT_OK;
  },
};
