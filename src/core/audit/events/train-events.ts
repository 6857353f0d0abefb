import type { AuditDraftOf } from '../audit-event.ts';
import { WorkbenchError } from '../../errors.ts';
import type { PipelineSpec } from '../../train/pipeline-spec.ts';
import type { RunRecord, RunSummary } from '../../train/run-record.ts';
import { draftOf, type EventHead } from './event-head.ts';

/** `run.started`, appended before training so a run that never ends still shows in the log. */
export function runStarted(
  head: EventHead,
  run: { id: string; name: string; datasetVersionId: string; spec: PipelineSpec },
): AuditDraftOf<'run.started'> {
  return draftOf(head, 'run.started', run.id, {
    name: run.name,
    datasetVersionId: run.datasetVersionId,
    model: run.spec.model.kind,
    seed: run.spec.seed,
  });
}

/**
 * `run.completed`, stored with the completed run: its headline metrics and,
 * for a re-run, whether it reproduced the original.
 *
 * @example
 * await store.saveRun(run, blobs, runCompleted(run, 'ana'));
 */
export function runCompleted(run: RunRecord & { outcome: RunSummary }, actor: string): AuditDraftOf<'run.completed'> {
  return draftOf({ at: run.finishedAt, actor }, 'run.completed', run.id, {
    name: run.name,
    model: run.spec.model.kind,
    modelBlob: run.outcome.modelBlob,
    headline: headline(run.outcome),
    ...(run.rerunOf ? { rerunOf: run.rerunOf.runId, reproduced: run.rerunOf.reproduced } : {}),
  });
}

/** `run.failed`, stored with the failed run: why, and the error code when the failure was expected. */
export function runFailed(run: RunRecord, actor: string, error: unknown): AuditDraftOf<'run.failed'> {
  return draftOf({ at: run.finishedAt, actor }, 'run.failed', run.id, {
    reason: error instanceof Error ? error.message : String(error),
    code: error instanceof WorkbenchError ? error.code : 'internal.unexpected',
  });
}

/** `run.cancelled`, stored with the run the user stopped. */
export function runCancelled(run: RunRecord, actor: string): AuditDraftOf<'run.cancelled'> {
  return draftOf({ at: run.finishedAt, actor }, 'run.cancelled', run.id, {
    name: run.name,
    model: run.spec.model.kind,
    durationMs: run.durationMs,
  });
}

/** The metrics the log shows for a run: two per task. */
function headline(summary: RunSummary): Record<string, number | null> {
  const m = summary.metrics;
  return m.task === 'classification'
    ? { accuracy: m.accuracy, f1Macro: m.f1Macro }
    : { r2: Number.isFinite(m.r2) ? m.r2 : null, rmse: m.rmse };
}
