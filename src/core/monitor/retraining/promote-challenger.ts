import type { DataTable } from '../../data/types.ts';
import { WorkbenchError } from '../../errors.ts';
import type { TfRuntime } from '../../models/tf-runtime.ts';
import type { WorkspaceStore } from '../../ports.ts';
import { planTransition } from '../../registry/plan-transition.ts';
import { registerRun, transition } from '../../registry/registry-service.ts';
import { readRegistry } from '../../registry/registry-snapshot.ts';
import type { ModelVersion } from '../../registry/registry-types.ts';
import { deployVersion } from '../../serving/deployments/deployment-service.ts';
import { simulateRollout } from '../../serving/strategies/simulate-rollout.ts';
import type { RunRecord } from '../../train/run-record.ts';
import type { MonitorPolicy, RetrainingRecord, RetrainingStep } from '../monitor-types.ts';

export interface ChallengerInput {
  modelName: string;
  champion: ModelVersion;
  run: RunRecord;
  policy: MonitorPolicy;
  traffic: DataTable | null;
  actor: string;
  at: () => string;
}

/** How the challenger fared, step by step. */
export interface ChallengerResult {
  challenger: string;
  outcome: Exclude<RetrainingRecord['outcome'], 'failed'>;
  steps: RetrainingStep[];
}

const acc = (v: ModelVersion) => (typeof v.metrics.accuracy === 'number' ? v.metrics.accuracy.toFixed(4) : '—');

/**
 * Registers the retrained run as the challenger and applies the policy:
 * `approval` checks the gates without promoting and leaves it for a person;
 * `auto` promotes it through the gates, then deploys it (`direct`), or
 * replays the traffic under a rollout strategy that promotes and deploys
 * it only if it does as well as the champion.
 */
export async function promoteChallenger(
  store: WorkspaceStore,
  input: ChallengerInput,
  tf: TfRuntime | null,
): Promise<ChallengerResult> {
  const { policy, champion } = input;
  const { version } = await registerRun(store, {
    run: input.run,
    modelName: input.modelName,
    actor: input.actor,
    now: input.at(),
  });
  const steps: RetrainingStep[] = [
    {
      step: 'registered',
      ok: true,
      message: `${version.id} (accuracy ${acc(version)}; champion ${champion.id}: ${acc(champion)})`,
    },
  ];
  const result = (outcome: ChallengerResult['outcome']): ChallengerResult => ({
    challenger: version.id,
    outcome,
    steps,
  });
  if (policy.retraining.promotion === 'approval') {
    const snapshot = await readRegistry(store);
    const plan = planTransition(snapshot, await store.getDatasetVersion(version.datasetVersionId), {
      modelName: version.modelName,
      version: version.version,
      to: 'Production',
      actor: input.actor,
      now: input.at(),
    });
    const failed = plan.blocked ? plan.failedGates.filter((g) => g.gate !== 'approval') : [];
    steps.push({
      step: 'gates',
      ok: failed.length === 0,
      message: failed.length
        ? failed.map((g) => `${g.gate}: ${g.message}`).join(' ')
        : 'every gate but the approval passes',
    });
    steps.push({
      step: 'waiting',
      ok: true,
      message: `The policy asks for approval: promote ${version.id} with workbench promote ${version.modelName} ${version.version} --to Production when a person has reviewed it; ${champion.id} keeps serving meanwhile.`,
    });
    return result(failed.length ? 'blocked' : 'waiting_approval');
  }
  if (policy.retraining.strategy !== 'direct') return rollout(store, input, version, steps, tf);
  const moved = await transition(store, {
    modelName: version.modelName,
    version: version.version,
    to: 'Production',
    reason: `Retrained challenger; champion was ${champion.id}.`,
    actor: input.actor,
    now: input.at(),
  });
  if (moved.blocked) {
    steps.push({
      step: 'gates',
      ok: false,
      message: moved.failedGates.map((g) => `${g.gate}: ${g.message}`).join(' '),
    });
    steps.push({ step: 'waiting', ok: false, message: `${champion.id} keeps serving.` });
    return result('blocked');
  }
  steps.push({ step: 'gates', ok: true, message: 'every promotion gate passed' });
  steps.push({
    step: 'promoted',
    ok: true,
    message: `${version.id} is in Production${moved.archived ? `; ${moved.archived.id} archived` : ''}`,
  });
  const deployed = await deployVersion(
    store,
    {
      modelName: version.modelName,
      ref: String(version.version),
      env: policy.retraining.env,
      actor: input.actor,
      now: input.at(),
    },
    null,
    tf,
  );
  steps.push(
    deployed.blocked
      ? { step: 'deployed', ok: false, message: `deploy blocked: ${deployed.failed.map((c) => c.message).join(' ')}` }
      : {
          step: 'deployed',
          ok: true,
          message: `${deployed.deployment.id} replaces ${deployed.deployment.replaces ?? 'nothing'}`,
        },
  );
  return result('promoted');
}

async function rollout(
  store: WorkspaceStore,
  input: ChallengerInput,
  version: ModelVersion,
  steps: RetrainingStep[],
  tf: TfRuntime | null,
): Promise<ChallengerResult> {
  const strategy = input.policy.retraining.strategy;
  if (strategy === 'direct') throw new Error('unreachable');
  if (!input.traffic) {
    throw new WorkbenchError(
      'retrain.no_traffic',
      `The policy rolls the challenger out with ${strategy}, which replays traffic, and none was given. Pass the traffic file, or set the policy's strategy to direct.`,
    );
  }
  const report = await simulateRollout(
    store,
    {
      strategy,
      stable: input.champion.id,
      candidate: version.id,
      traffic: input.traffic,
      target: version.signature.target.name,
      timestamp: null,
      labelDelay: 0,
      seed: 42,
      options: {},
      actor: input.actor,
      now: input.at(),
      logId: `retrain-${version.id}`,
      apply: true,
    },
    { clock: () => 0, tf },
  );
  const promotion = report.effects.promotion;
  steps.push({
    step: 'gates',
    ok: report.decision === 'promoted' && promotion?.outcome !== 'blocked',
    message: `${strategy} rollout ${report.logId}: ${report.decision}${promotion?.outcome === 'blocked' ? `; promotion blocked (${promotion.failedGates.join('; ')})` : ''}`,
  });
  if (report.decision !== 'promoted')
    return {
      challenger: version.id,
      outcome: report.decision === 'rolled-back' ? 'rolled_back' : 'no_decision',
      steps,
    };
  if (promotion?.outcome === 'blocked') return { challenger: version.id, outcome: 'blocked', steps };
  steps.push({ step: 'promoted', ok: true, message: `${version.id} is in Production` });
  if (report.effects.deployment)
    steps.push({
      step: 'deployed',
      ok: report.effects.deployment.id !== null,
      message: report.effects.deployment.note,
    });
  return { challenger: version.id, outcome: 'promoted', steps };
}
