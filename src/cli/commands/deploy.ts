import { parseCsv } from '../../core/data/ingest/parse-csv.ts';
import { deployVersion } from '../../core/serving/deployments/deployment-service.ts';
import { EXIT_FAILURE, EXIT_OK, type CliIo, type Command } from '../command.ts';
import { parseEnvironment } from '../environment-option.ts';
import { findVersion, modelVersionArgs } from '../model-args.ts';
import { readInputFile } from '../read-file.ts';
import { servingRuntime } from '../serving-runtime.ts';
import { printable } from '../text-table.ts';
import { strictParse } from '../train-options.ts';
import {
  cliActor,
  DEFAULT_WORKSPACE,
  openCliWorkspace,
  WORKSPACE_OPTION,
  WORKSPACE_USAGE,
} from '../workspace-option.ts';

const USAGE = `Usage: workbench deploy <name> <version> --env staging|production [--workspace <dir>]
                        [--data <file.csv>] [--json]

Deploys a model version (a number or an alias) to an environment after
validating it: its artifact loads; its input signature matches the data it
will receive (--data), or else the version serving there now; the promotion
gates of the environment's stage (Staging, Production) pass; and a smoke test
scores 20 sample rows without error. A failed check blocks the deploy, names
the check and leaves the deployments as they were (the attempt is in the
audit log). The deployment records the one it replaces as its rollback plan:
workbench rollback restores it in one step.

Options:
  --env <env>          staging or production (required)
  --data <file.csv>    rows like those the deployment will receive, for the signature and
                       smoke checks (default: the version's own dataset version)
${WORKSPACE_USAGE}
  --json               print { "blocked", "deployment", "replaced", "checks" }
  -h, --help           show this help

Exit codes: 0 deployed, 1 blocked by a failed check or not possible (one line
on stderr names it), 2 wrong command line.`;

/** `workbench deploy <name> <version> --env <env> […]`. */
export const deployCommand: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = strictParse(args, {
      env: { type: 'string' },
      data: { type: 'string' },
      ...WORKSPACE_OPTION,
      json: { type: 'boolean', default: false },
    });
    const { name, ref } = modelVersionArgs(positionals);
    const env = parseEnvironment(values.env as string | undefined);
    const store = await openCliWorkspace((values.workspace as string | undefined) ?? DEFAULT_WORKSPACE, false);
    const dataPath = values.data as string | undefined;
    const data = dataPath === undefined ? null : parseCsv(await readInputFile(dataPath)).table;
    const { version } = await findVersion(store, name, ref);
    const result = await deployVersion(
      store,
      { modelName: name, ref, env, actor: await cliActor(store), now: new Date().toISOString() },
      data,
      await servingRuntime([version.modelKind]),
    );
    const json = values.json as boolean;
    if (result.blocked) {
      if (json) io.stdout(`${JSON.stringify({ blocked: true, checks: result.checks }, null, 2)}\n`);
      io.stderr(
        `error: deploy blocked: ${printable(result.failed.map((c) => `${c.check}: ${c.message.replace(/\.\s*$/, '')}`).join('; '))}\n`,
      );
      return EXIT_FAILURE;
    }
    const { deployment, replaced } = result;
    if (json) {
      io.stdout(`${JSON.stringify({ blocked: false, deployment, replaced, checks: result.checks }, null, 2)}\n`);
      return EXIT_OK;
    }
    const lines = [
      `${printable(deployment.id)}: ${printable(name)}@${deployment.version} active in ${env}${replaced ? ` (replaces ${printable(replaced.id)}, version ${replaced.version}: its rollback plan)` : ''}`,
      ...result.checks.map((c) => `  ${c.check.padEnd(9)} ${c.outcome.padEnd(7)} ${printable(c.message)}`),
    ];
    io.stdout(`${lines.join('\n')}\n`);
    return EXIT_OK;
  },
};
