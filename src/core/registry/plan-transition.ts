import { modelPromotionBlocked, modelStageChanged } from '../audit/events/registry-events.ts';
import type { AuditDraft } from '../audit/audit-event.ts';
import type { DatasetVersion } from '../data/versions/dataset-version.ts';
import type { RecordChange } from '../ports.ts';
import { checkGates, type FailedGate } from './promotion-gates.ts';
import {
  expectVersionsUnchanged,
  nextTransitionId,
  productionVersion,
  requireModel,
  requireVersion,
  type RegistrySnapshot,
} from './registry-snapshot.ts';
import type { ModelVersion, Stage, StageTransition } from './registry-types.ts';
import { checkActor, checkNow } from './registry-validation.ts';
import { checkMove } from './stage-rules.ts';

/** A requested stage change, with the optional approval and signature acknowledgement the gates may ask for. */
export interface TransitionInput {
  modelName: string;
  version: number;
  to: Stage;
  /** Why (kept in the stage history); may be empty. */
  reason?: string;
  actor: string;
  now: string;
  approval?: { approver: string; comment: string } | null;
  acknowledgeSignatureChange?: boolean;
}

/** A stage change ready to commit, or a blocked attempt (also committed: blocked attempts are kept). */
export type TransitionPlan =
  | {
      blocked: false;
      change: RecordChange;
      event: AuditDraft;
      transition: StageTransition;
      version: ModelVersion;
      archived: ModelVersion | null;
    }
  | { blocked: true; change: RecordChange; event: AuditDraft; transition: StageTransition; failedGates: FailedGate[] };

/**
 * Plans moving a version to another stage. When the target stage is gated,
 * every gate is checked; if any fails the plan records a blocked
 * transition instead. Promoting to Production archives the previous
 * Production version in the same change, so there is never more than one.
 * The change expects the model and all its versions as read.
 *
 * @param datasetVersion the candidate's dataset version (for the quality gate); `undefined` if absent
 */
export function planTransition(
  snapshot: RegistrySnapshot,
  datasetVersion: DatasetVersion | undefined,
  input: TransitionInput,
): TransitionPlan {
  const { modelName, to, actor, now } = input;
  checkActor(actor);
  checkNow(now);
  const model = requireModel(snapshot, modelName);
  const current = requireVersion(snapshot, modelName, input.version);
  checkMove(`Version ${current.version} of "${modelName}"`, current.stage, to);
  const production = productionVersion(snapshot, modelName);
  const approval =
    input.approval && (input.approval.approver.trim() || input.approval.comment.trim())
      ? { approver: input.approval.approver.trim(), comment: input.approval.comment.trim() }
      : null;
  const failedGates = model.gates.stages.includes(to)
    ? checkGates({
        gates: model.gates,
        candidate: current,
        datasetVersion,
        production,
        approval,
        acknowledgeSignatureChange: input.acknowledgeSignatureChange ?? false,
      })
    : [];
  const transition: StageTransition = {
    id: nextTransitionId(snapshot, current),
    modelName,
    version: current.version,
    from: current.stage,
    to,
    at: now,
    actor,
    reason: (input.reason ?? '').trim(),
    approval,
    outcome: failedGates.length ? 'blocked' : 'done',
    failedGates,
    causedBy: null,
  };
  const expect: RecordChange['expect'] = [
    { kind: 'models', key: modelName, equals: model },
    ...expectVersionsUnchanged(snapshot, modelName),
    { kind: 'stageTransitions', key: transition.id, equals: undefined },
  ];
  if (failedGates.length) {
    return {
      blocked: true,
      change: { puts: [{ kind: 'stageTransitions', value: transition }], expect },
      event: modelPromotionBlocked({ at: now, actor }, current.id, {
        from: current.stage,
        to,
        reason: transition.reason,
        approver: approval?.approver ?? null,
        failedGates,
      }),
      transition,
      failedGates,
    };
  }
  const moved: ModelVersion = { ...current, stage: to };
  const change: RecordChange = {
    puts: [
      { kind: 'stageTransitions', value: transition },
      { kind: 'modelVersions', value: moved },
    ],
    expect,
  };
  let archived: ModelVersion | null = null;
  if (to === 'Production' && production) {
    archived = { ...production, stage: 'Archived' };
    const retire: StageTransition = {
      id: nextTransitionId(snapshot, production),
      modelName,
      version: production.version,
      from: 'Production',
      to: 'Archived',
      at: now,
      actor,
      reason: `Replaced in Production by version ${current.version}.`,
      approval: null,
      outcome: 'done',
      failedGates: [],
      causedBy: transition.id,
    };
    change.puts.push({ kind: 'stageTransitions', value: retire }, { kind: 'modelVersions', value: archived });
    change.expect!.push({ kind: 'stageTransitions', key: retire.id, equals: undefined });
  }
  const event = modelStageChanged({ at: now, actor }, current.id, {
    from: current.stage,
    to,
    reason: transition.reason,
    approver: approval?.approver ?? null,
    comment: approval?.comment ?? null,
    archivedVersion: archived?.version ?? null,
    signatureChangeAcknowledged: input.acknowledgeSignatureChange ?? false,
  });
  return { blocked: false, change, event, transition, version: moved, archived };
}
