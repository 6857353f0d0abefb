/**
 * The model registry: pure planning functions over a snapshot of records
 * (each returns the change and its audit event), the thin service that
 * commits them to a WorkspaceStore, history, comparison and model cards.
 */
export {
  compareVersions,
  type MetricComparison,
  type ParameterComparison,
  type VersionComparison,
} from './compare-versions.ts';
export { meanInterval, regressionErrorIntervals, type MeanInterval } from './error-intervals.ts';
export { buildModelCard, type CardInterval, type CardMetric, type ModelCard } from './model-card.ts';
export { modelCardMarkdown } from './model-card-markdown.ts';
export { planAliases, type AliasPlan, type SetAliasesInput } from './plan-aliases.ts';
export { planGates, validateGates } from './plan-gates.ts';
export { planRegistration, type RegisterRunInput, type RegistrationPlan } from './plan-registration.ts';
export { planTransition, type TransitionInput, type TransitionPlan } from './plan-transition.ts';
export { planCardUpdate, planModelDescription, planVersionDetails, type EditPlan } from './plan-version-edit.ts';
export { checkGates, type FailedGate, type GateContext } from './promotion-gates.ts';
export { registryAt, registryMoments, stageHistory, type RegistryView } from './registry-at.ts';
export {
  registerRun,
  setAliases,
  setGates,
  transition,
  updateCard,
  updateModelDescription,
  updateVersionDetails,
  type Committed,
} from './registry-service.ts';
export {
  productionVersion,
  readRegistry,
  requireModel,
  requireVersion,
  resolveVersion,
  versionId,
  versionsOf,
  type RegistrySnapshot,
} from './registry-snapshot.ts';
export * from './registry-types.ts';
export { checkAlias, checkModelName } from './registry-validation.ts';
export { buildSignature, describeSignatureDiff, signatureDiff, type SignatureDiff } from './signature.ts';
export { checkMove, isAllowedMove } from './stage-rules.ts';
export { versionMetrics } from './version-metrics.ts';
