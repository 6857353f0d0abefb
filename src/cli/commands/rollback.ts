import { rollbackDeployment } from '../../core/serving/deployments/deployment-service.ts';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../command.ts';
import { parseEnvironment } from '../environment-option.ts';
import { printable } from '../text-table.ts';
import { strictParse } from '../train-options.ts';
import {
  cliActor,
  DEFAULT_WORKSPACE,
  openCliWorkspace,
  WORKSPACE_OPTION,
  WORKSPACE_USAGE,
} from '../workspace-option.ts';

const USAGE = `Usage: workbench rollback <name> --env staging|production [--workspace <dir>]
                          [--reason <text>] [--json]

Rolls an environment back in one step: the deployment the active one
replaced (its rollback plan) serves again, exactly as it was, and the active
one is marked rolled back. In production the registry follows: the restored
version returns to Production and the version that was there is archived,
both in the stage history. Recorded in the audit log (deployment.rolled_back).

Options:
  --env <env>        staging or production (required)
  --reason <text>    why, kept in the audit log and the stage history
${WORKSPACE_USAGE}
  --json             print { "restored", "rolledBack", "transitions" }
  -h, --help         show this help

Exit codes: 0 rolled back, 1 nothing to roll back to (one line on stderr
says what to do instead), 2 wrong command line.`;

/** `workbench rollback <name> --env <env> […]`. */
export const rollbackCommand: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = strictParse(args, {
      env: { type: 'string' },
      reason: { type: 'string' },
      ...WORKSPACE_OPTION,
      json: { type: 'boolean', default: false },
    });
    if (positionals.length !== 1)
      throw new UsageError(
        positionals.length === 0
          ? 'Give the model name to roll back.'
          : `Unexpected argument "${printable(positionals[1])}".`,
      );
    const env = parseEnvironment(values.env as string | undefined);
    const store = await openCliWorkspace((values.workspace as string | undefined) ?? DEFAULT_WORKSPACE, false);
    const result = await rollbackDeployment(store, {
      modelName: positionals[0],
      env,
      actor: await cliActor(store),
      now: new Date().toISOString(),
      reason: values.reason as string | undefined,
    });
    if (values.json) {
      const { restored, rolledBack, transitions } = result;
      io.stdout(`${JSON.stringify({ restored, rolledBack, transitions }, null, 2)}\n`);
      return EXIT_OK;
    }
    const lines = [
      `${printable(result.rolledBack.id)} (version ${result.rolledBack.version}) rolled back; ${printable(result.restored.id)} (version ${result.restored.version}) is active in ${env} again`,
      ...result.transitions.map((t) => `  ${printable(t.modelName)}@${t.version}: ${t.from} → ${t.to}`),
    ];
    io.stdout(`${lines.join('\n')}\n`);
    return EXIT_OK;
  },
};
