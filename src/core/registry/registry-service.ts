/**
 * The registry actions over a WorkspaceStore: each reads a snapshot, plans
 * with a pure function, and commits the change with its audit event. The
 * plan's expectations make the store refuse (`storage.conflict`) a change
 * computed from records someone else has changed meanwhile.
 */
import type { AuditEvent } from '../audit/audit-event.ts';
import { WorkbenchError } from '../errors.ts';
import type { WorkspaceStore } from '../ports.ts';
import { planAliases, type AliasPlan, type SetAliasesInput } from './plan-aliases.ts';
import { planGates } from './plan-gates.ts';
import { planRegistration, type RegisterRunInput, type RegistrationPlan } from './plan-registration.ts';
import { planTransition, type TransitionInput, type TransitionPlan } from './plan-transition.ts';
import { planCardUpdate, planModelDescription, planVersionDetails, type EditPlan } from './plan-version-edit.ts';
import { readRegistry, requireVersion } from './registry-snapshot.ts';
import type { ModelVersion, PromotionGates, RegisteredModel } from './registry-types.ts';

/** A committed plan and the audit event that sealed it. */
export type Committed<P> = P & { audit: AuditEvent };

/**
 * Registers a completed run as the next version of `modelName`.
 *
 * @example
 * const { version } = await registerRun(store, { run, modelName: 'churn', actor: 'ana', now: clock.iso() });
 */
export async function registerRun(
  store: WorkspaceStore,
  input: Omit<RegisterRunInput, 'datasetVersion'>,
): Promise<Committed<RegistrationPlan>> {
  const stored = await store.getRun(input.run.id);
  if (!stored) {
    throw new WorkbenchError(
      'registry.run_not_found',
      `Run "${input.run.name}" is not stored in this workspace, so its model cannot be kept. Save the run first, or register one from the runs list.`,
    );
  }
  const datasetVersion = await store.getDatasetVersion(stored.datasetVersionId);
  if (!datasetVersion) {
    throw new WorkbenchError(
      'registry.dataset_not_found',
      `Dataset version ${stored.datasetVersionId.slice(0, 12)} of run "${stored.name}" is not in this workspace. Import it, then register the run.`,
    );
  }
  const plan = planRegistration(await readRegistry(store), { ...input, run: stored, datasetVersion });
  return { ...plan, audit: await store.commit(plan.change, plan.event) };
}

/**
 * Moves a version to another stage, checking the model's gates. A blocked
 * attempt is recorded too, and returned with `blocked: true` and the failed gates.
 */
export async function transition(store: WorkspaceStore, input: TransitionInput): Promise<Committed<TransitionPlan>> {
  const snapshot = await readRegistry(store);
  const candidate = requireVersion(snapshot, input.modelName, input.version);
  const datasetVersion = await store.getDatasetVersion(candidate.datasetVersionId);
  const plan = planTransition(snapshot, datasetVersion, input);
  return { ...plan, audit: await store.commit(plan.change, plan.event) };
}

/** Sets a version's aliases, moving any taken from another version of the model. */
export async function setAliases(store: WorkspaceStore, input: SetAliasesInput): Promise<Committed<AliasPlan>> {
  const plan = planAliases(await readRegistry(store), input);
  return { ...plan, audit: await store.commit(plan.change, plan.event) };
}

/** Replaces a version's description and/or tags. */
export async function updateVersionDetails(
  store: WorkspaceStore,
  input: Parameters<typeof planVersionDetails>[1],
): Promise<Committed<EditPlan<ModelVersion>>> {
  const plan = planVersionDetails(await readRegistry(store), input);
  return { ...plan, audit: await store.commit(plan.change, plan.event) };
}

/** Edits a version's intended use and limitations (the model card's editable fields). */
export async function updateCard(
  store: WorkspaceStore,
  input: Parameters<typeof planCardUpdate>[1],
): Promise<Committed<EditPlan<ModelVersion>>> {
  const plan = planCardUpdate(await readRegistry(store), input);
  return { ...plan, audit: await store.commit(plan.change, plan.event) };
}

/** Replaces a model's description. */
export async function updateModelDescription(
  store: WorkspaceStore,
  input: Parameters<typeof planModelDescription>[1],
): Promise<Committed<EditPlan<RegisteredModel>>> {
  const plan = planModelDescription(await readRegistry(store), input);
  return { ...plan, audit: await store.commit(plan.change, plan.event) };
}

/** Replaces a model's promotion gates. */
export async function setGates(
  store: WorkspaceStore,
  input: { modelName: string; gates: PromotionGates; actor: string; now: string },
): Promise<Committed<ReturnType<typeof planGates>>> {
  const plan = planGates(await readRegistry(store), input);
  return { ...plan, audit: await store.commit(plan.change, plan.event) };
}
