import { transition } from '../../core/registry/registry-service.ts';
import { STAGES, type Stage } from '../../core/registry/registry-types.ts';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliIo, type Command } from '../command.ts';
import { retryOnConflict } from '../commit-retry.ts';
import { findVersion, modelVersionArgs } from '../model-args.ts';
import { printable } from '../text-table.ts';
import { strictParse } from '../train-options.ts';
import {
  cliActor,
  DEFAULT_WORKSPACE,
  openCliWorkspace,
  WORKSPACE_OPTION,
  WORKSPACE_USAGE,
} from '../workspace-option.ts';

const USAGE = `Usage: workbench promote <name> <version> --stage <stage> [--workspace <dir>]
                         [--reason <text>] [--approver <name> --comment <text>]
                         [--acknowledge-signature-change] [--json]

Moves a model version (a number or an alias) to another stage:
Development, Staging, Production or Archived. Moving to a gated stage
(Production by default) checks the model's promotion gates first; see and
set them with workbench gates. Promoting to Production archives the version
that was there, in the same change. A blocked attempt changes no stage but
is recorded, with the gates it failed, in the stage history and the audit
log (model.promotion_blocked).

Options:
  --stage <stage>                  the stage to move to (required)
  --reason <text>                  why, kept in the stage history
  --approver <name>                who approves, for a model whose gates require approval
  --comment <text>                 the approver's comment (required with --approver)
  --acknowledge-signature-change   promote even though its input signature differs from the
                                   Production version's
${WORKSPACE_USAGE}
  --json                           print the result as JSON ({ "blocked", "transition",
                                   "version", "archived" } or { "blocked", "transition",
                                   "failedGates" })
  -h, --help                       show this help

The audit events name WORKBENCH_ACTOR, else the workspace's actor setting,
else "cli".

Exit codes: 0 moved, 1 blocked by a gate (one line on stderr names each
failed gate) or not possible, 2 wrong command line.`;

/** `workbench promote <name> <version> --stage <stage> […]`. */
export const promoteCommand: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = strictParse(args, {
      stage: { type: 'string' },
      reason: { type: 'string' },
      approver: { type: 'string' },
      comment: { type: 'string' },
      'acknowledge-signature-change': { type: 'boolean', default: false },
      ...WORKSPACE_OPTION,
      json: { type: 'boolean', default: false },
    });
    const { name, ref } = modelVersionArgs(positionals);
    const stage = parseStage(values.stage as string | undefined);
    const approver = values.approver as string | undefined;
    const comment = values.comment as string | undefined;
    if ((approver === undefined) !== (comment === undefined))
      throw new UsageError('An approval needs both --approver <name> and --comment <text>.');

    const store = await openCliWorkspace((values.workspace as string | undefined) ?? DEFAULT_WORKSPACE, false);
    const actor = await cliActor(store);
    // Another process may commit first: then the alias is resolved and the move planned again.
    const result = await retryOnConflict(async () => {
      const { version } = await findVersion(store, name, ref);
      return transition(store, {
        modelName: name,
        version: version.version,
        to: stage,
        reason: (values.reason as string | undefined) ?? '',
        actor,
        now: new Date().toISOString(),
        approval: approver === undefined ? null : { approver, comment: comment as string },
        acknowledgeSignatureChange: values['acknowledge-signature-change'] as boolean,
      });
    });
    const json = values.json as boolean;
    if (result.blocked) {
      if (json)
        io.stdout(
          `${JSON.stringify({ blocked: true, transition: result.transition, failedGates: result.failedGates }, null, 2)}\n`,
        );
      // One line, gate by gate: a CI log shows exactly what to fix.
      io.stderr(
        `error: promotion blocked: ${printable(result.failedGates.map((g) => `${g.gate}: ${g.message.replace(/\.\s*$/, '')}${CLI_HINTS[g.gate] ?? ''}`).join('; '))}\n`,
      );
      return EXIT_FAILURE;
    }
    if (json) {
      io.stdout(
        `${JSON.stringify({ blocked: false, transition: result.transition, version: result.version, archived: result.archived }, null, 2)}\n`,
      );
      return EXIT_OK;
    }
    const moved = result.transition;
    const lines = [
      `${printable(result.version.id)}: ${moved.from} → ${moved.to}${moved.approval ? ` (approved by ${printable(moved.approval.approver)})` : ''}`,
    ];
    if (result.archived)
      lines.push(
        `${printable(result.archived.id)}: Production → Archived (replaced by version ${result.version.version})`,
      );
    io.stdout(`${lines.join('\n')}\n`);
    return EXIT_OK;
  },
};

// The core's messages speak of the app's form; say which options do the same here.
const CLI_HINTS: Record<string, string> = {
  approval: ' (--approver <name> --comment <text>)',
  signature: ' (--acknowledge-signature-change)',
};

function parseStage(stage: string | undefined): Stage {
  if (stage === undefined) throw new UsageError(`Say where to move it with --stage <stage> (${STAGES.join(', ')}).`);
  // Stages are typed by people: accept any case, store the canonical name.
  const found = STAGES.find((s) => s.toLowerCase() === stage.toLowerCase());
  if (!found) throw new UsageError(`--stage must be one of ${STAGES.join(', ')} (got "${printable(stage)}").`);
  return found;
}
