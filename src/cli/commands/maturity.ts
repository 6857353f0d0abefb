import {
  assessMaturity,
  MATURITY_CRITERIA,
  readInventory,
  type MaturityAssessment,
} from '../../core/maturity/index.ts';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../command.ts';
import { printable } from '../text-table.ts';
import { strictParse } from '../train-options.ts';
import { DEFAULT_WORKSPACE, openCliWorkspace, WORKSPACE_OPTION, WORKSPACE_USAGE } from '../workspace-option.ts';

const LEVEL_NAMES = ['manual', 'pipeline automation', 'CI/CD for ML', 'full MLOps'] as const;

const USAGE = `Usage: workbench maturity [--workspace <dir>] [--json]

Assesses the workspace's MLOps maturity (0 manual, 1 pipeline automation,
2 CI/CD for ML, 3 full MLOps) from what it holds: versioned data, a spec run
more than once, registered versions, gates, promotions, deployments,
monitoring with drift rules, logged predictions, a retraining trigger and a
verified audit chain. The level is the highest whose criteria, and those of
every level below, are all met. Prints each criterion with its evidence and
what is missing for the next level.

Options:
${WORKSPACE_USAGE}
  --json                   print { "level", "criteria": [{ "id", "level", "met", "evidence" }], "next": [...] }
  -h, --help               show this help

Exit codes: 0 assessed, 1 the workspace cannot be read, 2 wrong command line.`;

/** `workbench maturity [--workspace <dir>] [--json]`. */
export const maturityCommand: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = strictParse(args, {
      ...WORKSPACE_OPTION,
      json: { type: 'boolean', default: false },
    });
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${printable(positionals[0])}".`);
    const store = await openCliWorkspace((values.workspace as string | undefined) ?? DEFAULT_WORKSPACE, false);
    const assessment = assessMaturity(await readInventory(store));
    io.stdout(values.json ? `${JSON.stringify(toJson(assessment), null, 2)}\n` : `${formatAssessment(assessment)}\n`);
    return EXIT_OK;
  },
};

/** The JSON the issue fixes: level, the criteria (id, level, met, evidence) and what is missing next. */
function toJson({ level, criteria, next }: MaturityAssessment): unknown {
  return {
    level,
    criteria: criteria.map(({ id, level: l, met, evidence }) => ({ id, level: l, met, evidence })),
    next: next.map(({ id, level: l, title, todo, area }) => ({ id, level: l, title, todo, area })),
  };
}

/** The assessment as text: the level, one line per criterion, then what to do next. */
export function formatAssessment({ level, criteria, next }: MaturityAssessment): string {
  const lines = [`maturity level ${level} (${LEVEL_NAMES[level]})`, ''];
  for (const c of criteria) {
    const title = MATURITY_CRITERIA.find((entry) => entry.id === c.id)?.title ?? c.id;
    lines.push(`  ${c.met ? '[x]' : '[ ]'} L${c.level} ${title}: ${c.evidence}`);
  }
  lines.push('');
  if (next.length === 0) lines.push('Every criterion of every level is met.');
  else {
    lines.push(`Missing for level ${level + 1} (${LEVEL_NAMES[level + 1]}):`);
    for (const step of next) lines.push(`  - ${step.todo} (${step.area})`);
  }
  return lines.join('\n');
}
