import { randomUUID } from 'node:crypto';
import { parseCsv } from '../../core/data/ingest/parse-csv.ts';
import { readRegistry } from '../../core/registry/registry-snapshot.ts';
import { parseModelRef, resolveModelRef } from '../../core/serving/predict/model-ref.ts';
import { simulateRollout, type SimulationReport } from '../../core/serving/strategies/simulate-rollout.ts';
import { STRATEGIES, type StrategyName } from '../../core/serving/strategies/strategy-types.ts';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../command.ts';
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

const USAGE = `Usage: workbench simulate --strategy bluegreen|canary|shadow|ab --stable <name>@<version>
                         --candidate <name>@<version> --traffic <file.csv> --target <col>
                         [--workspace <dir>] [--split 0.5] [--seed N] [--label-delay N] [--apply] [--json]

Replays every row of a traffic file as requests (simulated traffic, not live)
through a rollout strategy, in file order or by --timestamp. Requests are
routed by a hash of their row number and the seed; labels (the --target
column) arrive --label-delay requests later.
  bluegreen  the candidate takes all traffic; the idle stable scores the same rows and a
             McNemar test on the first --min-labelled labels confirms or switches back
  canary     the candidate gets 5% → 25% → 50% → 100%; each step waits for --min-labelled
             labelled candidate requests and rolls back if its accuracy is below the
             stable's (or, with --guardrail error-rate, its error rate above) with 95%
             confidence beyond --margin, or its p95 latency exceeds --max-latency-ms
  shadow     the candidate scores --fraction of the traffic unseen: agreement, and McNemar
             (exact binomial below 25 discordant rows, else chi-squared with continuity
             correction)
  ab         disjoint groups (--split to the candidate); a power analysis (--effect, 80%
             power, alpha 0.05) fixes the planned size; a two-sided two-proportion z-test
             decides at that size, an early-look warning when the file is shorter
Every answer is written to the workspace's prediction log and the verdict to
the audit log. The run is dry unless --apply is given: without it no stage or
deployment changes, whatever the decision. With --apply a promotion moves the
candidate to Production (gates apply) and, if the stable serves production,
deploys it there; all of it is in the stage history and the audit log.

Options:
  --strategy <name>        bluegreen, canary, shadow or ab (required)
  --stable <ref>           the version serving now, e.g. churn@1 (required)
  --candidate <ref>        the version rolled out, e.g. churn@2 (required)
  --traffic <file.csv>     the requests to replay (required)
  --target <column>        the column with the true labels (required)
  --timestamp <column>     replay in this column's time order (default: file order)
  --split <share>          ab: share of requests for the candidate (default 0.5)
  --effect <difference>    ab: smallest accuracy difference to detect (default 0.05)
  --fraction <share>       shadow: share of requests the candidate shadows (default 1)
  --min-labelled <n>       canary/bluegreen: labelled candidate requests per check (default 100)
  --guardrail <metric>     canary: accuracy (default) or error-rate, candidate versus stable
  --margin <share>         canary: accuracy loss (error-rate rise) tolerated before a breach (default 0)
  --max-latency-ms <ms>    canary: ceiling of the candidate's p95 latency per step (default: none)
  --seed <n>               salt of the routing hash (default 42)
  --label-delay <n>        labels arrive n requests later (default 0)
  --apply                  act on a promotion (registry and production deployment); default: dry run
${WORKSPACE_USAGE}
  --json                   print one JSON object: strategy, decision (promoted, rolled-back
                           or no-decision) and the strategy's figures
  -h, --help               show this help

Exit codes: 0 replayed (whatever the decision), 1 the versions or the traffic
cannot be used, 2 wrong command line.`;

/** `workbench simulate --strategy … --stable … --candidate … --traffic … --target …`. */
export const simulateCommand: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = strictParse(args, {
      strategy: { type: 'string' },
      stable: { type: 'string' },
      candidate: { type: 'string' },
      traffic: { type: 'string' },
      target: { type: 'string' },
      timestamp: { type: 'string' },
      split: { type: 'string' },
      effect: { type: 'string' },
      fraction: { type: 'string' },
      'min-labelled': { type: 'string' },
      guardrail: { type: 'string' },
      margin: { type: 'string' },
      'max-latency-ms': { type: 'string' },
      apply: { type: 'boolean', default: false },
      seed: { type: 'string', default: '42' },
      'label-delay': { type: 'string', default: '0' },
      ...WORKSPACE_OPTION,
      json: { type: 'boolean', default: false },
    });
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${printable(positionals[0])}".`);
    const text = (name: string) => {
      const value = values[name] as string | undefined;
      if (value === undefined) throw new UsageError(`--${name} is required.`);
      return value;
    };
    const strategy = text('strategy') as StrategyName;
    if (!STRATEGIES.includes(strategy))
      throw new UsageError(`--strategy must be one of ${STRATEGIES.join(', ')} (got "${printable(strategy)}").`);
    const share = (name: string) =>
      optionalNumber(
        values[name] as string | undefined,
        `--${name}`,
        (x) => x > 0 && x < 1,
        'a share between 0 and 1 (exclusive)',
      );
    const split = share('split');
    const effect = share('effect');
    const fraction = optionalNumber(
      values.fraction as string | undefined,
      '--fraction',
      (x) => x > 0 && x <= 1,
      'a share above 0, at most 1',
    );
    const minLabelled = optionalNumber(
      values['min-labelled'] as string | undefined,
      '--min-labelled',
      (x) => Number.isInteger(x) && x >= 1,
      'a whole number, 1 or more',
    );
    const guardrail = (values.guardrail as string | undefined) ?? 'accuracy';
    if (guardrail !== 'accuracy' && guardrail !== 'error-rate')
      throw new UsageError(`--guardrail must be accuracy or error-rate (got "${printable(guardrail)}").`);
    const margin = optionalNumber(
      values.margin as string | undefined,
      '--margin',
      (x) => x >= 0 && x < 1,
      'a share from 0 up to (not including) 1',
    );
    const maxLatencyMs = optionalNumber(
      values['max-latency-ms'] as string | undefined,
      '--max-latency-ms',
      (x) => x > 0,
      'a number of milliseconds above 0',
    );
    const seed = optionalNumber(
      values.seed as string,
      '--seed',
      (x) => Number.isInteger(x) && x >= 0,
      'a whole number, 0 or more',
    )!;
    const labelDelay = optionalNumber(
      values['label-delay'] as string,
      '--label-delay',
      (x) => Number.isInteger(x) && x >= 0,
      'a whole number of requests, 0 or more',
    )!;
    const stable = text('stable');
    const candidate = text('candidate');
    const trafficPath = text('traffic');
    const target = text('target');

    const store = await openCliWorkspace((values.workspace as string | undefined) ?? DEFAULT_WORKSPACE, false);
    const { table } = parseCsv(await readInputFile(trafficPath));
    const snapshot = await readRegistry(store);
    // Resolved here too, to load TF.js only when one of them is an MLP.
    const kinds = [stable, candidate].map((ref) => resolveModelRef(snapshot, parseModelRef(ref)).modelKind);
    const report = await simulateRollout(
      store,
      {
        strategy,
        stable,
        candidate,
        traffic: table,
        target,
        timestamp: (values.timestamp as string | undefined) ?? null,
        labelDelay,
        seed,
        options: {
          canary: { minLabelled, guardrails: { metric: guardrail, margin, maxLatencyMs } },
          bluegreen: { minLabelled },
          shadow: { fraction },
          ab: { split, effect },
        },
        actor: await cliActor(store),
        now: new Date().toISOString(),
        logId: `replay-${randomUUID()}`,
        apply: values.apply as boolean,
      },
      { clock: () => performance.now(), tf: await servingRuntime(kinds) },
    );
    io.stdout(`${values.json ? JSON.stringify(report, null, 2) : describe(report)}\n`);
    return EXIT_OK;
  },
};

function optionalNumber(
  text: string | undefined,
  flag: string,
  ok: (x: number) => boolean,
  what: string,
): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || !ok(value))
    throw new UsageError(`${flag} must be ${what} (got "${printable(text)}").`);
  return value;
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const p = (x: number) => (x < 1e-4 ? x.toExponential(2) : x.toFixed(4));

/** The report as a few lines of text. */
function describe(r: SimulationReport): string {
  const lines = [
    `${r.strategy}: ${printable(r.candidate)} against ${printable(r.stable)} over ${r.requests} replayed requests (simulated traffic) → ${r.decision}`,
  ];
  switch (r.strategy) {
    case 'canary':
      for (const s of r.steps)
        lines.push(
          `  ${pct(s.share).padStart(6)}  ${String(s.n).padStart(6)} requests  stable ${pct(s.stableAccuracy)}  candidate ${pct(s.candidateAccuracy)}  ${s.verdict}${s.breached.length ? ` (${s.breached.join(', ')})` : ''}`,
        );
      break;
    case 'bluegreen':
    case 'shadow':
      if (r.strategy === 'shadow') lines.push(`  agreement ${pct(r.agreement)} on ${r.shadowed} shadowed requests`);
      lines.push(
        `  McNemar (${r.mcnemar.method}): b ${r.mcnemar.b}, c ${r.mcnemar.c}, statistic ${r.mcnemar.statistic.toFixed(3)}, p ${p(r.mcnemar.pValue)}`,
      );
      break;
    case 'ab':
      lines.push(
        `  planned size ${r.plannedSize} (${r.power.stable} stable + ${r.power.candidate} candidate, to detect ${r.power.effect} at 80% power)`,
      );
      lines.push(
        `  stable ${r.groups.stable.correct}/${r.groups.stable.n}, candidate ${r.groups.candidate.correct}/${r.groups.candidate.n}`,
      );
      if (r.test)
        lines.push(
          `  difference ${r.test.difference.toFixed(4)} [${r.test.ci[0].toFixed(4)}, ${r.test.ci[1].toFixed(4)}], z ${r.test.z.toFixed(3)}, p ${p(r.test.pValue)}`,
        );
      if (r.warning) lines.push(`  warning: ${r.warning}`);
      break;
  }
  if (r.effects.promotion)
    lines.push(
      `  registry: ${r.effects.promotion.outcome === 'blocked' ? `promotion blocked (${r.effects.promotion.failedGates.join('; ')})` : `${printable(r.candidate)} in Production`}`,
    );
  if (r.effects.deployment) lines.push(`  deployment: ${printable(r.effects.deployment.note)}`);
  if (!r.applied && r.decision === 'promoted')
    lines.push('  dry run: no stage or deployment changed (pass --apply to act on the decision)');
  lines.push(`  prediction log ${r.logId} (${r.logBatches} batch${r.logBatches === 1 ? '' : 'es'})`);
  return lines.join('\n');
}
