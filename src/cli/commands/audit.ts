import { AUDIT_EVENT_TYPES, type AuditEvent } from '../../core/audit/audit-event.ts';
import {
  verifyWorkspace,
  type WorkspaceProblem,
  type WorkspaceVerification,
} from '../../adapters/folder-store/verify-workspace.ts';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliIo, type Command } from '../command.ts';
import { printable, renderTable, truncate } from '../text-table.ts';
import { strictParse } from '../train-options.ts';
import { DEFAULT_WORKSPACE, openCliWorkspace, WORKSPACE_OPTION, WORKSPACE_USAGE } from '../workspace-option.ts';

/** The families `--type` accepts besides full types: `run` for run.started, run.completed… */
const FAMILIES = [...new Set(AUDIT_EVENT_TYPES.map((type) => type.split('.')[0]))];

const USAGE = `Usage: workbench audit verify [--workspace <dir>] [--json]
       workbench audit list [--workspace <dir>] [--type <type>] [--json]

verify  recomputes every audit event's hash and link, checks that the log
        still ends where the last write left it (audit-head.json), replays
        the records each event wrote and compares them with the records and
        blobs stored (a record edited, deleted or added outside the
        workbench is named, with its file), that every blob's bytes hash to
        its name, and that each dataset version's bytes decode to a table
        with the version's id. Prints "audit chain intact: N events, head
        <hash>", or each problem: the first broken event (its seq and why)
        and every record or blob that does not match.
        Workspaces written before records were bound to the chain verify
        with their records reported as "unbound (written before record
        binding)"; the next write binds them as found.
list    prints the events, oldest first.

Options:
${WORKSPACE_USAGE}
  --type <type>            list only this event type, or a family (${FAMILIES.join(', ')}):
                           "run" lists run.started, run.completed, run.failed, run.cancelled
  --json                   print JSON (verify: the result; list: an array of events)
  -h, --help               show this help

Exit codes: 0 intact (or listed), 1 something was altered or the workspace
cannot be read, 2 wrong command line.`;

/** `workbench audit verify|list [--workspace <dir>] […]`. */
export const auditCommand: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = strictParse(args, {
      ...WORKSPACE_OPTION,
      type: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const [action, ...extra] = positionals;
    if (action !== 'verify' && action !== 'list') {
      throw new UsageError(
        action === undefined
          ? 'Say what to do: workbench audit verify, or workbench audit list.'
          : `Unknown audit action "${printable(action)}"; use verify or list.`,
      );
    }
    if (extra.length > 0) throw new UsageError(`Unexpected argument "${printable(extra[0])}".`);
    if (action === 'verify' && values.type !== undefined)
      throw new UsageError('--type only applies to workbench audit list.');
    if (typeof values.type === 'string' && !isTypeOrFamily(values.type))
      throw new UsageError(
        `No audit event type is "${printable(values.type)}". Use a family (${FAMILIES.join(', ')}) or a type such as ${AUDIT_EVENT_TYPES[0]}.`,
      );
    const store = await openCliWorkspace((values.workspace as string | undefined) ?? DEFAULT_WORKSPACE, false);
    const json = values.json as boolean;
    if (action === 'list') {
      const events = filterByType(await store.listAudit(), values.type as string | undefined);
      io.stdout(json ? `${JSON.stringify(events, null, 2)}\n` : `${formatEvents(events)}\n`);
      return EXIT_OK;
    }
    const result = await verifyWorkspace(store);
    io.stdout(json ? `${JSON.stringify(result, null, 2)}\n` : `${formatVerification(result)}\n`);
    if (result.ok) return EXIT_OK;
    io.stderr(
      `error: the workspace ${printable(store.dir)} failed verification: ${describeProblem(result.problems[0])}\n`,
    );
    return EXIT_FAILURE;
  },
};

function isTypeOrFamily(type: string): boolean {
  return FAMILIES.includes(type) || (AUDIT_EVENT_TYPES as readonly string[]).includes(type);
}

/** Events of one type, or of a family (`run` matches `run.completed`); all without a type. */
export function filterByType(events: AuditEvent[], type: string | undefined): AuditEvent[] {
  if (type === undefined) return events;
  return events.filter((e) => e.type === type || e.type.startsWith(`${type}.`));
}

/** The verification as text: the chain line, the blob line, then one line per problem. */
export function formatVerification(result: WorkspaceVerification): string {
  const chainBroken = result.problems.some((p) => p.kind === 'event');
  const lines = [
    chainBroken
      ? `audit chain BROKEN (${result.events} lines in the log)`
      : `audit chain intact: ${result.events} events, head ${result.head ?? '(empty log)'}`,
  ];
  const recordsBroken = result.problems.some((p) => p.kind === 'binding');
  const unbound =
    result.unboundRecords > 0
      ? `; ${result.unboundRecords} unbound (written before record binding; the next write binds them)`
      : '';
  lines.push(
    `${recordsBroken ? 'records ALTERED' : 'records intact'}: ${result.boundRecords} records and blobs match the events that wrote them${unbound}`,
  );
  const dataBroken = result.problems.some((p) => p.kind !== 'event' && p.kind !== 'binding');
  lines.push(
    `${dataBroken ? 'data ALTERED' : 'data intact'}: ${result.blobs} blobs checked against their hashes, ${result.datasetVersions} dataset versions against their ids`,
  );
  for (const problem of result.problems) lines.push(`  ${describeProblem(problem)}`);
  return lines.join('\n');
}

function describeProblem(problem: WorkspaceProblem): string {
  switch (problem.kind) {
    case 'event':
      return `event ${problem.seq}: ${problem.reason}`;
    case 'blob':
      return `blob ${problem.hash} (${problem.usedBy.length > 0 ? `used by ${problem.usedBy.join(', ')}` : 'used by no record'}): ${problem.reason}`;
    case 'dataset':
      return `dataset version ${problem.versionId}: ${problem.reason}`;
    case 'binding':
      return `${problem.file}${problem.usedBy.length > 0 ? ` (used by ${problem.usedBy.join(', ')})` : ''}: ${problem.reason}`;
    case 'record':
      return `record: ${problem.reason}`;
  }
}

function formatEvents(events: AuditEvent[]): string {
  if (events.length === 0) return 'No audit events.';
  const rows = events.map((e) => [
    String(e.seq),
    e.at,
    truncate(printable(e.actor), 20),
    printable(e.type),
    truncate(printable(e.subject), 40),
    truncate(printable(summary(e.data)), 60),
  ]);
  return renderTable(['seq', 'at', 'actor', 'type', 'subject', 'details'], rows, [
    true,
    false,
    false,
    false,
    false,
    false,
  ]);
}

/** A one-line view of an event's details: `key=value` pairs, nested values as JSON. */
function summary(data: Record<string, unknown>): string {
  return Object.entries(data)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
}
