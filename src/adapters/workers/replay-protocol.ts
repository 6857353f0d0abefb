/**
 * The contract between the UI thread and a replay worker (types only). One
 * worker per job: a rollout replay (both versions score the traffic, the
 * strategy routes it, the log and verdict are stored) or a deploy (its
 * validation scores sample rows, which for an MLP needs TF.js).
 */
import type { DeploymentCheck, Environment } from '../../core/serving/deployments/deployment-types.ts';
import type { Deployment } from '../../core/serving/deployments/deployment-types.ts';
import type { StrategyOptions } from '../../core/serving/strategies/run-strategy.ts';
import type { ReplayProgress, SimulationReport } from '../../core/serving/strategies/simulate-rollout.ts';
import type { StrategyName } from '../../core/serving/strategies/strategy-types.ts';
import type { Result } from './data-protocol.ts';

export interface ReplayRequest {
  strategy: StrategyName;
  /** `name@version` of the version serving now and of the one rolled out. */
  stable: string;
  candidate: string;
  /** The dataset version replayed as the request stream. */
  datasetVersionId: string;
  target: string;
  timestamp: string | null;
  labelDelay: number;
  seed: number;
  /** Simulated requests per second the stream is played at; 0 = as fast as it scores. */
  speed: number;
  options: Omit<StrategyOptions, 'ab'> & { ab?: Partial<StrategyOptions['ab']> };
  actor: string;
  now: string;
  logId: string;
  /** Act on the decision (registry and production deployment). */
  apply: boolean;
}

export interface DeployRequest {
  modelName: string;
  /** Version number or alias. */
  ref: string;
  env: Environment;
  /** The data the deployment will receive, for the signature and smoke checks; null skips them. */
  datasetVersionId: string | null;
  actor: string;
  now: string;
}

/** A deploy's outcome: live, or blocked by the checks named in `failed`. */
export type DeployOutcome =
  | { blocked: false; deployment: Deployment; replaced: Deployment | null; checks: DeploymentCheck[] }
  | { blocked: true; checks: DeploymentCheck[]; failed: DeploymentCheck[] };

export interface ReplayWorkerApi {
  replay(request: ReplayRequest, onProgress: (p: ReplayProgress) => void): Promise<Result<SimulationReport>>;
  deploy(request: DeployRequest): Promise<Result<DeployOutcome>>;
  /** Ends a paced replay at the request it has reached; the strategy decides on those. */
  stop(): void;
}

export type { ReplayProgress, SimulationReport };
