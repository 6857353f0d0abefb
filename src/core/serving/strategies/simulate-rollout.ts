/**
 * A rollout strategy replayed over a traffic file, end to end: both versions
 * score the traffic, the strategy routes it and decides, the prediction log
 * and the verdict are stored with their audit events. Only when asked
 * (`apply`) does a promotion act: it moves the candidate to Production
 * (through the registry's gates) and, when the stable serves production,
 * deploys it there. Without `apply` the rollout is a dry run: deployments
 * and stages stay as they were (the log and the verdict are still kept).
 */
import { deploymentSimulated } from '../../audit/events/serving-events.ts';
import type { DataTable } from '../../data/types.ts';
import { WorkbenchError } from '../../errors.ts';
import type { TfRuntime } from '../../models/tf-runtime.ts';
import type { WorkspaceStore } from '../../ports.ts';
import { transition } from '../../registry/registry-service.ts';
import { readRegistry } from '../../registry/registry-snapshot.ts';
import { deployVersion } from '../deployments/deployment-service.ts';
import { activeDeployment } from '../deployments/plan-deploy.ts';
import { parseModelRef, resolveModelRef } from '../predict/model-ref.ts';
import { loadServingModel, type ServingModel } from '../predict/serving-model.ts';
import { paceReplay, type Pacing } from '../replay/pace-replay.ts';
import { PredictionLogWriter } from '../replay/prediction-log.ts';
import { prepareReplay } from '../replay/prepare-replay.ts';
import { runStrategy, type StrategyOptions } from './run-strategy.ts';
import type { StrategyName, StrategyResult } from './strategy-types.ts';

export interface SimulateInput {
  strategy: StrategyName;
  /** `name@version` (or stage, alias) of the version serving now, and of the one rolled out. */
  stable: string;
  candidate: string;
  traffic: DataTable;
  target: string;
  timestamp: string | null;
  labelDelay: number;
  seed: number;
  options: Omit<StrategyOptions, 'ab'> & { ab?: Partial<StrategyOptions['ab']> };
  actor: string;
  now: string;
  /** Id of this replay's prediction log. */
  logId: string;
  /** Act on a promotion (registry and production deployment); false = dry run. */
  apply: boolean;
}

/** Where a replay is: scoring the traffic with each model, routing it, storing the log. */
export type ReplayProgress =
  | { phase: 'scoring'; model: 'stable' | 'candidate'; done: number; total: number }
  | { phase: 'replaying'; done: number; total: number; speed: number }
  | { phase: 'routing' | 'storing'; done: number; total: number };

/** What the registry and deployments did about the decision. */
export interface RolloutEffects {
  /** The candidate's move to Production: done, blocked by gates (with them), or not attempted (null). */
  promotion: { outcome: 'done' | 'blocked' | 'already'; failedGates: string[] } | null;
  /** The production deployment made for the candidate, or why none was. */
  deployment: { id: string | null; note: string } | null;
}

export type SimulationReport = StrategyResult & {
  /** Whether the decision was acted on (see SimulateInput.apply). */
  applied: boolean;
  stable: string;
  candidate: string;
  requests: number;
  labelDelay: number;
  seed: number;
  logId: string;
  logBatches: number;
  /** True when the user stopped a paced replay: `requests` were replayed, fewer than the stream held. */
  stopped: boolean;
  effects: RolloutEffects;
};

/** Replays `input.traffic` under a strategy and applies its decision (see the file comment). */
export async function simulateRollout(
  store: WorkspaceStore,
  input: SimulateInput,
  deps: {
    clock: () => number;
    tf?: TfRuntime | null;
    onProgress?: (p: ReplayProgress) => void;
    /** Plays the stream at a speed, with Stop (see paceReplay); absent = as fast as it scores. */
    pacing?: Pacing;
  },
): Promise<SimulationReport> {
  const total = input.traffic.rowCount;
  let played = total;
  const progress = deps.onProgress ?? (() => {});
  const snapshot = await readRegistry(store);
  const stableVersion = resolveModelRef(snapshot, parseModelRef(input.stable));
  const candidateVersion = resolveModelRef(snapshot, parseModelRef(input.candidate));
  if (stableVersion.id === candidateVersion.id) {
    throw new WorkbenchError(
      'serving.same_version',
      `The stable and the candidate are both ${stableVersion.id}. Roll out a different version against it.`,
    );
  }
  const models: ServingModel[] = [];
  let result: StrategyResult;
  const log = new PredictionLogWriter(input.logId);
  try {
    const tf = deps.tf ?? null;
    models.push(await loadServingModel(store, stableVersion, tf), await loadServingModel(store, candidateVersion, tf));
    const scored = await prepareReplay({
      stable: models[0],
      candidate: models[1],
      traffic: input.traffic,
      target: input.target,
      timestamp: input.timestamp,
      labelDelay: input.labelDelay,
      seed: input.seed,
      clock: deps.clock,
      onProgress: (model, done) => progress({ phase: 'scoring', model, done, total }),
    });
    if (deps.pacing) {
      const speed = deps.pacing.speed;
      played = await paceReplay(total, deps.pacing, (done) => progress({ phase: 'replaying', done, total, speed }));
    }
    // A stopped replay decides on the requests it got to (the walk is causal).
    const stream = played < total ? { ...scored, order: scored.order.subarray(0, played) } : scored;
    progress({ phase: 'routing', done: 0, total });
    const baseline = stableVersion.metrics.accuracy ?? 0.5;
    result = runStrategy(input.strategy, stream, log, { ...input.options, ab: { baseline, ...input.options.ab } });
  } finally {
    for (const m of models) m.predictor.dispose();
  }
  const batches = log.batches();
  progress({ phase: 'storing', done: 0, total });
  const summary = { ...result, applied: input.apply, stable: stableVersion.id, candidate: candidateVersion.id };
  await store.commit(
    {
      puts: batches.map((value) => ({ kind: 'predictionLogs' as const, value })),
      expect: batches.map((b) => ({ kind: 'predictionLogs' as const, key: b.id, equals: undefined })),
    },
    deploymentSimulated({ at: input.now, actor: input.actor }, input.logId, {
      ...summary,
      requests: played,
      labelDelay: input.labelDelay,
      seed: input.seed,
      logBatches: batches.length,
    }),
  );
  const effects = input.apply
    ? await applyDecision(store, input, result, stableVersion.modelName === candidateVersion.modelName, deps.tf ?? null)
    : { promotion: null, deployment: null };
  progress({ phase: 'storing', done: total, total });
  return {
    ...summary,
    requests: played,
    labelDelay: input.labelDelay,
    seed: input.seed,
    logId: input.logId,
    logBatches: batches.length,
    stopped: played < total,
    effects,
  };
}

async function applyDecision(
  store: WorkspaceStore,
  input: SimulateInput,
  result: StrategyResult,
  sameModel: boolean,
  tf: TfRuntime | null,
): Promise<RolloutEffects> {
  if (result.decision !== 'promoted' || !sameModel) return { promotion: null, deployment: null };
  const snapshot = await readRegistry(store);
  const candidate = resolveModelRef(snapshot, parseModelRef(input.candidate));
  const stable = resolveModelRef(snapshot, parseModelRef(input.stable));
  const reason = `Promoted by the ${result.strategy} rollout ${input.logId} against version ${stable.version}.`;
  let promotion: RolloutEffects['promotion'] = { outcome: 'already', failedGates: [] };
  if (candidate.stage !== 'Production') {
    const moved = await transition(store, {
      modelName: candidate.modelName,
      version: candidate.version,
      to: 'Production',
      reason,
      actor: input.actor,
      now: input.now,
    });
    promotion = moved.blocked
      ? { outcome: 'blocked', failedGates: moved.failedGates.map((g) => `${g.gate}: ${g.message}`) }
      : { outcome: 'done', failedGates: [] };
  }
  const serving = activeDeployment(await store.listRecords('deployments'), candidate.modelName, 'production');
  if (!serving || serving.version !== stable.version) {
    return {
      promotion,
      deployment: { id: null, note: `Version ${stable.version} does not serve production, so no deployment changed.` },
    };
  }
  const deployed = await deployVersion(
    store,
    {
      modelName: candidate.modelName,
      ref: String(candidate.version),
      env: 'production',
      actor: input.actor,
      now: input.now,
      via: result.strategy,
    },
    input.traffic,
    tf,
  );
  return {
    promotion,
    deployment: deployed.blocked
      ? {
          id: null,
          note: `The production deploy was blocked: ${deployed.failed.map((c) => `${c.check}: ${c.message}`).join(' ')}`,
        }
      : { id: deployed.deployment.id, note: `Deployed to production, replacing ${deployed.deployment.replaces}.` },
  };
}
