import { WorkbenchError } from '../../core/errors.ts';
import { readRegistry, requireModel } from '../../core/registry/registry-snapshot.ts';
import { setGates } from '../../core/registry/registry-service.ts';
import { retryOnConflict } from '../commit-retry.ts';
import type { PromotionGates } from '../../core/registry/registry-types.ts';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../command.ts';
import { readJsonFile } from '../read-file.ts';
import { describeGates } from '../registry-text.ts';
import { printable } from '../text-table.ts';
import { strictParse } from '../train-options.ts';
import {
  cliActor,
  DEFAULT_WORKSPACE,
  openCliWorkspace,
  WORKSPACE_OPTION,
  WORKSPACE_USAGE,
} from '../workspace-option.ts';

const USAGE = `Usage: workbench gates <name> [--set <json> | --set @<file.json>] [--workspace <dir>] [--json]

Prints a model's promotion gates, or with --set changes them (an audited
registry action, model.gates_set). --set takes a JSON object whose keys
replace the current gates' keys; keys left out stay as they are:

  stages                 stages the gates apply to, e.g. ["Production"]
  metrics                metric gates, one per metric, e.g.
                         [{ "metric": "accuracy", "min": 0.9, "maxRegression": 0 }]:
                         min/max are absolute; maxRegression is how much worse than
                         the Production version a candidate may be (0 = no worse)
  requireQualityChecks   its dataset version has no error-level quality warnings
  requireSignatureMatch  its input signature matches the Production version's
  requireApproval        promote needs --approver and --comment

Example:
  workbench gates churn --set '{"metrics":[{"metric":"accuracy","maxRegression":0}],"requireApproval":true}'

Options:
  --set <json>             the gates to change, as JSON, or @file.json to read them from a file
${WORKSPACE_USAGE}
  --json                   print the model's gates as JSON
  -h, --help               show this help

Exit codes: 0 shown or set, 1 no such model or the gates make no sense,
2 wrong command line.`;

const KEYS = {
  stages: 'array',
  metrics: 'array',
  requireQualityChecks: 'boolean',
  requireSignatureMatch: 'boolean',
  requireApproval: 'boolean',
} as const;

/** `workbench gates <name> [--set <json>] […]`. */
export const gatesCommand: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = strictParse(args, {
      set: { type: 'string' },
      ...WORKSPACE_OPTION,
      json: { type: 'boolean', default: false },
    });
    if (positionals.length !== 1)
      throw new UsageError(
        positionals.length === 0 ? 'Give the model name.' : `Give exactly one model name; got ${positionals.length}.`,
      );
    const [name] = positionals;
    const set = values.set as string | undefined;
    const changes = set === undefined ? null : await parseGateChanges(set);
    const store = await openCliWorkspace((values.workspace as string | undefined) ?? DEFAULT_WORKSPACE, false);
    let gates = requireModel(await readRegistry(store), name).gates;
    if (changes) {
      const actor = await cliActor(store);
      // Re-read on a conflict, so the changes apply to the gates as another process left them.
      const done = await retryOnConflict(async () =>
        setGates(store, {
          modelName: name,
          gates: { ...requireModel(await readRegistry(store), name).gates, ...changes },
          actor,
          now: new Date().toISOString(),
        }),
      );
      gates = done.model.gates;
    }
    io.stdout(
      values.json
        ? `${JSON.stringify(gates, null, 2)}\n`
        : `${changes ? 'set ' : ''}gates of ${printable(name)} ${describeGates(gates)}\n`,
    );
    return EXIT_OK;
  },
};

/**
 * The `--set` value: a JSON object of gate keys, each of the right type
 * (the values themselves are checked by the registry when they are set).
 *
 * @throws UsageError for text that is not JSON; WorkbenchError `cli.bad_gates` for an unknown key or a wrong type
 */
export async function parseGateChanges(text: string): Promise<Partial<PromotionGates>> {
  let json: unknown;
  if (text.startsWith('@'))
    json = await readJsonFile(
      text.slice(1),
      'It must hold the gates to set as a JSON object, e.g. {"requireApproval": true}.',
    );
  else {
    try {
      json = JSON.parse(text);
    } catch (cause) {
      throw new UsageError(
        `--set is not valid JSON (${cause instanceof Error ? cause.message : String(cause)}). Quote it for the shell, e.g. --set '{"requireApproval":true}'.`,
      );
    }
  }
  const bad = (message: string) => new WorkbenchError('cli.bad_gates', message);
  if (!json || typeof json !== 'object' || Array.isArray(json))
    throw bad('--set must be a JSON object of gate keys, e.g. {"requireApproval": true}.');
  for (const [key, value] of Object.entries(json)) {
    const type = (KEYS as Record<string, string>)[key];
    if (!type) throw bad(`"${printable(key)}" is not a gate setting. Use ${Object.keys(KEYS).join(', ')}.`);
    const ok = type === 'array' ? Array.isArray(value) : typeof value === type;
    if (!ok)
      throw bad(
        `"${key}" must be ${type === 'array' ? 'a JSON array' : 'true or false'}; got ${printable(JSON.stringify(value))}.`,
      );
  }
  const metrics = (json as Partial<PromotionGates>).metrics;
  if (
    metrics?.some(
      (g) =>
        !g ||
        typeof g !== 'object' ||
        typeof g.metric !== 'string' ||
        ['min', 'max', 'maxRegression'].some(
          (k) => k in g && typeof (g as unknown as Record<string, unknown>)[k] !== 'number',
        ),
    )
  ) {
    throw bad(
      'Each metric gate must be an object like {"metric": "accuracy", "min": 0.9} with number thresholds (min, max, maxRegression).',
    );
  }
  return json as Partial<PromotionGates>;
}
