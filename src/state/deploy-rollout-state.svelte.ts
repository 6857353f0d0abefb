/**
 * A rollout over replayed traffic, as the Rollout panel sets it up and
 * shows it: a dataset version as the request stream (time-ordered or file
 * order), label delay, replay speed, strategy and its settings, stable and
 * candidate versions. The A/B power analysis is computed before starting.
 * The replay runs in the replay worker with progress; its prediction log,
 * verdict and — when `apply` is on — promotion and deployment are stored
 * by the core with their audit events.
 */
import type { Replayer, ReplayJob } from '../adapters/workers/replay-client.ts';
import type { ReplayProgress, ReplayRequest, SimulationReport } from '../adapters/workers/replay-protocol.ts';
import type { DatasetVersion } from '../core/data/versions/dataset-version.ts';
import type { ModelVersion } from '../core/registry/registry-types.ts';
import { plannedSampleSize, type PowerPlan } from '../core/serving/statistics/power.ts';
import type { StrategyName } from '../core/serving/strategies/strategy-types.ts';
import { runResult } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

/** Replay speeds offered: simulated requests per second the stream is played at (0 = as fast as the worker scores). */
export const REPLAY_SPEEDS = [0, 100, 1000, 10_000] as const;

/** Percent shares as typed ("5, 25, 50, 100") → ascending shares ending at 1, or null when invalid. */
export function parseSteps(text: string): number[] | null {
  const parts = text
    .split(/[\s,→>]+/)
    .filter(Boolean)
    .map(Number);
  if (parts.length === 0 || parts.some((p) => !Number.isFinite(p) || p <= 0 || p > 100)) return null;
  if (parts.some((p, i) => i > 0 && p <= parts[i - 1]) || parts.at(-1) !== 100) return null;
  return parts.map((p) => p / 100);
}

export class RolloutState {
  strategy = $state<StrategyName>('canary');
  stableId = $state('');
  candidateId = $state('');
  datasetVersionId = $state('');
  /** Label column; empty = the stable version's target. */
  target = $state('');
  /** Column to order by; empty = file order. */
  timestamp = $state('');
  labelDelay = $state(0);
  seed = $state(42);
  speed = $state<number>(0);
  canarySteps = $state('5, 25, 50, 100');
  minLabelled = $state(100);
  guardrail = $state<'accuracy' | 'error-rate'>('accuracy');
  margin = $state(0);
  /** p95 latency ceiling in ms; 0 = none. */
  maxLatencyMs = $state(0);
  shadowFraction = $state(1);
  split = $state(0.5);
  effect = $state(0.05);
  /** Act on the decision: promote and deploy the winner (else a dry run). */
  apply = $state(true);

  running = $state(false);
  progress = $state.raw<ReplayProgress | null>(null);
  report = $state.raw<SimulationReport | null>(null);
  error = $state<string | null>(null);
  #job: ReplayJob<SimulationReport> | null = null;

  readonly #context: WorkspaceContext;
  readonly #replayer: Replayer;

  constructor(context: WorkspaceContext, replayer: Replayer) {
    this.#context = context;
    this.#replayer = replayer;
  }

  /**
   * The power analysis for the A/B test with the current settings: the
   * planned labelled requests per group, from the stable version's
   * registered accuracy; null when it cannot be planned.
   */
  powerPlan(stable: ModelVersion | undefined): (PowerPlan & { baseline: number }) | null {
    if (!stable || !(this.split > 0 && this.split < 1) || !(this.effect > 0 && this.effect < 1)) return null;
    const baseline = Math.min(0.999, Math.max(0.001, stable.metrics.accuracy ?? 0.5));
    return { ...plannedSampleSize({ baseline, effect: this.effect, ratio: this.split / (1 - this.split) }), baseline };
  }

  /** The early-look warning shown before starting, when the stream has fewer labelled rows than planned. */
  earlyLook(plan: PowerPlan | null, traffic: DatasetVersion | undefined): string | null {
    if (!plan || !traffic) return null;
    const usable = traffic.rowCount - this.labelDelay;
    return usable < plan.total
      ? `The stream has ${traffic.rowCount} rows (${Math.max(0, usable)} labelled in time), fewer than the planned ${plan.total}: the test will be an early look, and decides nothing.`
      : null;
  }

  /** The request the current settings describe, or an error message naming what to fix. */
  request(stable: ModelVersion | undefined): ReplayRequest | string {
    if (!stable || !this.candidateId) return 'Pick a stable and a candidate version.';
    if (!this.datasetVersionId) return 'Pick a dataset version as the request stream.';
    const steps = parseSteps(this.canarySteps);
    if (this.strategy === 'canary' && !steps)
      return 'Write the canary steps as ascending percentages ending at 100, e.g. 5, 25, 50, 100.';
    return {
      strategy: this.strategy,
      stable: stable.id,
      candidate: this.candidateId,
      datasetVersionId: this.datasetVersionId,
      target: this.target || stable.signature.target.name,
      timestamp: this.timestamp || null,
      labelDelay: this.labelDelay,
      seed: this.seed,
      speed: this.speed,
      options: {
        canary: {
          steps: steps ?? undefined,
          minLabelled: this.minLabelled,
          guardrails: { metric: this.guardrail, margin: this.margin, maxLatencyMs: this.maxLatencyMs || null },
        },
        bluegreen: { minLabelled: this.minLabelled },
        shadow: { fraction: this.shadowFraction },
        ab: { split: this.split, effect: this.effect },
      },
      actor: this.#context.actor(),
      now: this.#context.now(),
      logId: `replay-${this.#context.now().replace(/[^0-9]/g, '')}-${crypto.randomUUID().slice(0, 8)}`,
      apply: this.apply,
    };
  }

  /** Runs the replay in the worker; the report (or error) is kept for the panel. */
  async start(stable: ModelVersion | undefined): Promise<SimulationReport | null> {
    const request = this.request(stable);
    if (typeof request === 'string') {
      this.error = request;
      return null;
    }
    this.running = true;
    this.error = null;
    this.report = null;
    this.progress = null;
    const job = this.#replayer.replay(request, (p) => (this.progress = p));
    this.#job = job;
    const outcome = await runResult(() => job.result);
    this.#job = null;
    this.running = false;
    if (!outcome.ok) {
      this.error = outcome.message;
      return null;
    }
    this.report = outcome.value;
    await this.#context.changes.notify('registry', 'audit');
    return outcome.value;
  }

  cancel(): void {
    this.#job?.cancel();
  }

  /** Ends a paced replay at the request it has reached; the decision on those requests is kept. */
  stop(): void {
    this.#job?.stop();
  }
}
