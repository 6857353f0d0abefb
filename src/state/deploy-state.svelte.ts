/**
 * Deployments as the Deploy area shows them: per model, staging and
 * production with the active deployment and its history; deploying a
 * version (validated in the replay worker: signature against the data it
 * will receive, the stage's gates, a smoke test) and rolling back one step.
 * A blocked deploy is not an error: `blocked` keeps the checks that failed.
 */
import type { DeployOutcome } from '../adapters/workers/replay-protocol.ts';
import type { Replayer } from '../adapters/workers/replay-client.ts';
import { readRegistry, versionsOf, type RegistrySnapshot } from '../core/registry/registry-snapshot.ts';
import { rollbackDeployment } from '../core/serving/deployments/deployment-service.ts';
import {
  ENVIRONMENTS,
  type Deployment,
  type DeploymentCheck,
  type Environment,
} from '../core/serving/deployments/deployment-types.ts';
import { listDeployments } from '../core/serving/deployments/list-deployments.ts';
import { runResult, runThrowing } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

/** One environment of the model on show: what serves now, and every deployment it had (newest first). */
export interface EnvironmentView {
  env: Environment;
  active: Deployment | null;
  history: Deployment[];
  /** Rollouts against production whose candidate was rolled back, so never went live (newest first). */
  neverLive: NeverLiveRollout[];
}

/** A canary, shadow or A/B rollout that rolled its candidate back: a history line, not a deployment. */
export interface NeverLiveRollout {
  logId: string;
  at: string;
  actor: string;
  strategy: string;
  modelName: string;
  /** The candidate's version number, and the stable's it was tried against. */
  version: number;
  against: number;
  /** Whether the decision was acted on (null for replays recorded before dry runs existed). */
  applied: boolean | null;
}

function splitId(id: string): { modelName: string; version: number } {
  const at = id.lastIndexOf('@');
  return { modelName: id.slice(0, at), version: Number(id.slice(at + 1)) };
}

const EMPTY: RegistrySnapshot = { models: [], versions: [], transitions: [] };

export class DeployState {
  snapshot = $state.raw<RegistrySnapshot>(EMPTY);
  deployments = $state.raw<Deployment[]>([]);
  rolledBack = $state.raw<NeverLiveRollout[]>([]);
  loaded = $state(false);
  busy = $state(false);
  error = $state<string | null>(null);
  message = $state<string | null>(null);
  /** The last deploy the checks refused, with every check's outcome. */
  blocked = $state.raw<{
    versionId: string;
    env: Environment;
    checks: DeploymentCheck[];
    failed: DeploymentCheck[];
  } | null>(null);
  /** The checks the last successful deploy passed. */
  lastChecks = $state.raw<DeploymentCheck[]>([]);
  modelName = $state<string | null>(null);

  readonly models = $derived(this.snapshot.models.map((m) => m.name).sort((a, b) => a.localeCompare(b)));
  readonly versions = $derived(this.modelName ? versionsOf(this.snapshot, this.modelName) : []);
  readonly environments = $derived<EnvironmentView[]>(
    ENVIRONMENTS.map((env) => {
      const history = this.deployments.filter((d) => d.modelName === this.modelName && d.env === env).reverse();
      const neverLive =
        env === 'production' ? this.rolledBack.filter((r) => r.modelName === this.modelName).reverse() : [];
      return { env, active: history.find((d) => d.active) ?? null, history, neverLive };
    }),
  );

  readonly #context: WorkspaceContext;
  readonly #replayer: Replayer;

  constructor(context: WorkspaceContext, replayer: Replayer) {
    this.#context = context;
    this.#replayer = replayer;
    context.changes.subscribe(['registry', 'audit'], () => this.refresh());
  }

  async refresh(): Promise<void> {
    const outcome = await runThrowing(async () => ({
      snapshot: await readRegistry(this.#context.store),
      deployments: await listDeployments(this.#context.store, null),
      rolledBack: (await this.#context.store.listAudit()).flatMap((e) => {
        if (e.type !== 'deployment.simulated' || e.data.decision !== 'rolled-back') return [];
        const candidate = splitId(e.data.candidate);
        return [
          {
            logId: e.subject,
            at: e.at,
            actor: e.actor,
            strategy: e.data.strategy,
            modelName: candidate.modelName,
            version: candidate.version,
            against: splitId(e.data.stable).version,
            applied: e.data.applied ?? null,
          },
        ];
      }),
    }));
    if (!outcome.ok) {
      this.error = outcome.message;
      return;
    }
    this.snapshot = outcome.value.snapshot;
    this.deployments = outcome.value.deployments;
    this.rolledBack = outcome.value.rolledBack;
    this.loaded = true;
    if (!this.modelName || !this.models.includes(this.modelName)) this.modelName = this.models[0] ?? null;
  }

  /**
   * Validates version `ref` of the model on show for `env` and makes it the
   * active deployment there. `datasetVersionId` is the data it will
   * receive (signature and smoke checks); null skips those two checks.
   */
  async deploy(ref: string, env: Environment, datasetVersionId: string | null): Promise<DeployOutcome | null> {
    const modelName = this.modelName;
    if (!modelName) return null;
    this.#start();
    const outcome = await runResult(
      () =>
        this.#replayer.deploy({
          modelName,
          ref,
          env,
          datasetVersionId,
          actor: this.#context.actor(),
          now: this.#context.now(),
        }).result,
    );
    this.busy = false;
    if (!outcome.ok) {
      this.error = outcome.message;
      return null;
    }
    const result = outcome.value;
    // Reread first: when the status says "now serves", the environment cards already show it.
    await this.#context.changes.notify('registry', 'audit');
    if (result.blocked) {
      const names = result.failed.map((c) => c.check);
      const failed = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
      this.blocked = { versionId: `${modelName}@${ref}`, env, checks: result.checks, failed: result.failed };
      this.error = `Deploy of ${modelName}@${ref} to ${env} blocked: the ${failed} check${result.failed.length > 1 ? 's' : ''} failed. Nothing changed.`;
    } else {
      this.lastChecks = result.checks;
      this.message = `Version ${result.deployment.version} of "${modelName}" now serves ${env} (${result.deployment.id})${result.replaced ? `, replacing version ${result.replaced.version}` : ''}.`;
    }
    return result;
  }

  /** Rolls `env` of the model on show back to the deployment its active one replaced. */
  async rollback(env: Environment, reason: string): Promise<boolean> {
    const modelName = this.modelName;
    if (!modelName) return false;
    this.#start();
    const outcome = await runThrowing(() =>
      rollbackDeployment(this.#context.store, {
        modelName,
        env,
        reason,
        actor: this.#context.actor(),
        now: this.#context.now(),
      }),
    );
    this.busy = false;
    if (!outcome.ok) {
      this.error = outcome.message;
      return false;
    }
    const { restored, rolledBack } = outcome.value;
    await this.#context.changes.notify('registry', 'audit');
    this.message = `Rolled ${env} back: version ${restored.version} serves again (${restored.id}); version ${rolledBack.version} is rolled back.`;
    return true;
  }

  #start(): void {
    this.busy = true;
    this.error = null;
    this.message = null;
    this.blocked = null;
  }
}
