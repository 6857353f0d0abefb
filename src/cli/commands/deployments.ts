import { listDeployments } from '../../core/serving/deployments/list-deployments.ts';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../command.ts';
import { printable, renderTable } from '../text-table.ts';
import { strictParse } from '../train-options.ts';
import { DEFAULT_WORKSPACE, openCliWorkspace, WORKSPACE_OPTION, WORKSPACE_USAGE } from '../workspace-option.ts';

const USAGE = `Usage: workbench deployments [<name>] [--workspace <dir>] [--json]

Lists the deployments of every model (or of one): model, version,
environment, whether it is active, when it was deployed and the deployment
it replaces (its rollback plan). Exactly one deployment per model and
environment is active.

Options:
${WORKSPACE_USAGE}
  --json             print { "deployments": [ { "model", "version", "env", "active",
                     "deployedAt", "replaces", "id", "status", "via", "deployedBy" } ] }
  -h, --help         show this help`;

/** `workbench deployments [<name>] […]`. */
export const deploymentsCommand: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = strictParse(args, {
      ...WORKSPACE_OPTION,
      json: { type: 'boolean', default: false },
    });
    if (positionals.length > 1) throw new UsageError(`Unexpected argument "${printable(positionals[1])}".`);
    const store = await openCliWorkspace((values.workspace as string | undefined) ?? DEFAULT_WORKSPACE, false);
    const all = await listDeployments(store, positionals[0] ?? null);
    const rows = all.map((d) => ({
      model: d.modelName,
      version: d.version,
      env: d.env,
      active: d.active,
      deployedAt: d.deployedAt,
      replaces: d.replaces,
      id: d.id,
      status: d.status,
      via: d.via,
      deployedBy: d.deployedBy,
    }));
    if (values.json) {
      io.stdout(`${JSON.stringify({ deployments: rows }, null, 2)}\n`);
      return EXIT_OK;
    }
    if (rows.length === 0) {
      io.stdout('No deployments yet. Deploy a version with workbench deploy <name> <version> --env staging.\n');
      return EXIT_OK;
    }
    io.stdout(
      `${renderTable(
        ['id', 'version', 'env', 'status', 'deployed at', 'replaces'],
        rows.map((r) => [
          printable(r.id),
          String(r.version),
          r.env,
          r.status,
          r.deployedAt,
          printable(r.replaces ?? '—'),
        ]),
      )}\n`,
    );
    return EXIT_OK;
  },
};
