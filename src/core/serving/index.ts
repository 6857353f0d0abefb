/**
 * Serving: predict with a registered version, deployments with validation
 * and rollback, traffic replay through rollout strategies, the prediction
 * log, and the statistics the strategies decide with.
 */
export * from './predict/index.ts';
export {
  ENVIRONMENTS,
  ENVIRONMENT_STAGE,
  type Deployment,
  type DeploymentCheck,
  type Environment,
} from './deployments/deployment-types.ts';
export { deployVersion, rollbackDeployment, type DeployResult } from './deployments/deployment-service.ts';
export { listDeployments } from './deployments/list-deployments.ts';
export { activeDeployment, planDeploy, type DeployInput, type DeployPlan } from './deployments/plan-deploy.ts';
export { planRollback, type RollbackInput, type RollbackPlan } from './deployments/plan-rollback.ts';
export { SMOKE_ROWS, validateDeploy } from './deployments/validate-deploy.ts';
export {
  LOG_BATCH_SIZE,
  PredictionLogWriter,
  readLogEntries,
  type LogEntry,
  type PredictionLogBatch,
} from './replay/prediction-log.ts';
export { predictionLogCsv } from './replay/prediction-log-csv.ts';
export { prepareReplay, type ReplaySetup } from './replay/prepare-replay.ts';
export { readPredictionLog } from './replay/read-prediction-log.ts';
export type { ReplayStream, ScoredModel, Tally } from './replay/replay-stream.ts';
export { routePoint, routePoints } from './replay/routing.ts';
export { trafficOrder } from './replay/traffic-order.ts';
export { runStrategy, type StrategyOptions } from './strategies/run-strategy.ts';
export {
  simulateRollout,
  type RolloutEffects,
  type SimulateInput,
  type SimulationReport,
} from './strategies/simulate-rollout.ts';
export * from './strategies/strategy-types.ts';
export { mcnemar, MCNEMAR_EXACT_BELOW, type McNemarResult } from './statistics/mcnemar.ts';
export { chiSquared1Sf, erfc, normalCdf, normalSf } from './statistics/normal-cdf.ts';
export { latencySummary, type LatencySummary } from './statistics/percentile.ts';
export { plannedSampleSize, type PowerInput, type PowerPlan } from './statistics/power.ts';
export { twoProportionTest, type Proportion, type TwoProportionResult } from './statistics/two-proportion-test.ts';
