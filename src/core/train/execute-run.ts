import { runCompleted, runFailed, runStarted } from '../audit/events/train-events.ts';
import type { DatasetVersion } from '../data/versions/dataset-version.ts';
import type { ColumnSchema, DataTable } from '../data/types.ts';
import { sameData } from '../same-data.ts';
import { sha256Hex } from '../hash/sha256.ts';
import type { WorkspaceStore } from '../ports.ts';
import { encodeArtifact } from './model-artifact-codec.ts';
import type { PipelineSpec } from './pipeline-spec.ts';
import { runPipeline, type RunDeps, type RunOutcome } from './run-pipeline.ts';
import type { CurvePoint, RunEnvironment, RunRecord, RunSummary } from './run-record.ts';

export interface ExecuteRunInput {
  table: DataTable;
  /** The table's schema when it is not the version's (an entity table joined with features). */
  schema?: ColumnSchema[];
  version: DatasetVersion;
  spec: PipelineSpec;
  runId: string;
  runName: string;
  actor: string;
  environment: RunEnvironment;
  /** The stored run this one re-runs, to say whether it reproduced. */
  rerunOf: RunRecord | null;
}

export interface ExecuteRunDeps {
  /** Monotonic milliseconds, for durations. */
  clock: () => number;
  /** Wall-clock epoch milliseconds, for timestamps. */
  now: () => number;
  onProgress?: RunDeps['onProgress'];
  /** TF.js and its backend, for kinds that run on it (see {@link RunDeps}). */
  tf?: RunDeps['tf'];
  onCurve?: (point: CurvePoint) => void;
  /** The full outcome (every held-out prediction), before the run is stored. */
  onOutcome?: (outcome: RunOutcome) => void;
}

const MAX_PREDICTION_SAMPLE = 2000;

/**
 * Runs a spec and stores the run with its audit events: `run.started`
 * first, then either `run.completed` (with the model artifact as a blob) or
 * `run.failed` (with the reason) written atomically with the run record —
 * also when the model cannot be encoded or the completed run cannot be
 * stored, so no `run.started` is left without its end. Nothing half-made is
 * stored: a run is written once, when it has ended.
 */
export async function executeRun(
  store: WorkspaceStore,
  input: ExecuteRunInput,
  deps: ExecuteRunDeps,
): Promise<RunRecord> {
  const { spec, version, runId } = input;
  const startedAt = new Date(deps.now()).toISOString();
  const started = deps.clock();
  await store.appendAudit(
    runStarted(
      { at: startedAt, actor: input.actor },
      { id: runId, name: input.runName, datasetVersionId: version.id, spec },
    ),
  );
  const curve: CurvePoint[] = [];
  const record = (point: CurvePoint) => {
    curve.push(point);
    deps.onCurve?.(point);
  };
  const base: RunBase = {
    id: runId,
    name: input.runName,
    spec,
    datasetVersionId: version.id,
    datasetName: version.name,
    seed: spec.seed,
    environment: input.environment,
    startedAt,
    curve,
    rerunOf: null,
  };
  // Whatever goes wrong after run.started — training, encoding the model,
  // storing the completed run — the run ends with a stored run.failed.
  let stored = false;
  try {
    const outcome = await runPipeline(input.table, input.schema ?? version.schema, spec, {
      clock: deps.clock,
      tf: deps.tf,
      onProgress: (p) => {
        deps.onProgress?.(p);
        if (p.kind === 'epoch')
          record({
            step: p.report.epoch,
            loss: p.report.loss,
            valLoss: p.report.valLoss,
            accuracy: p.report.accuracy,
            valAccuracy: p.report.valAccuracy,
          });
        else if (p.kind === 'iteration')
          record({ step: p.iteration, loss: p.objective, valLoss: null, accuracy: null, valAccuracy: null });
      },
    });
    deps.onOutcome?.(outcome);
    const saved = await saveCompleted(store, input, base, outcome, deps, started);
    stored = true;
    return saved;
  } catch (error) {
    if (stored) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    const failed: RunRecord = { ...base, status: 'failed', reason, outcome: null, ...finish(deps, started) };
    try {
      await store.saveRun(failed, [], runFailed(failed, input.actor, error));
    } catch {
      // The store cannot record even the failure; the first error is the one that explains the run.
    }
    throw error;
  }
}

type RunBase = Omit<RunRecord, 'status' | 'reason' | 'outcome' | 'finishedAt' | 'durationMs'>;

async function saveCompleted(
  store: WorkspaceStore,
  input: ExecuteRunInput,
  base: RunBase,
  outcome: RunOutcome,
  deps: ExecuteRunDeps,
  started: number,
): Promise<RunRecord> {
  const bytes = encodeArtifact(outcome.model);
  const modelBlob = await sha256Hex(bytes);
  const summary: RunSummary = {
    task: outcome.task,
    labels: outcome.labels,
    features: outcome.features,
    split: outcome.split,
    trainMs: outcome.trainMs,
    metrics: outcome.metrics,
    importance: outcome.importance,
    importanceSample: outcome.importanceSample,
    crossValidation: outcome.crossValidation,
    warnings: outcome.warnings,
    preprocessor: outcome.preprocessor,
    modelBlob,
    modelBytes: bytes.byteLength,
    predictionSample: predictionSample(outcome),
  };
  const rerunOf = input.rerunOf
    ? {
        runId: input.rerunOf.id,
        reproduced: !!input.rerunOf.outcome && sameData(input.rerunOf.outcome.metrics, summary.metrics),
      }
    : null;
  const run: RunRecord & { outcome: RunSummary } = {
    ...base,
    status: 'completed',
    reason: null,
    outcome: summary,
    rerunOf,
    ...finish(deps, started),
  };
  return store.saveRun(run, [{ hash: modelBlob, bytes }], runCompleted(run, input.actor));
}

/** The record of a run the user cancelled (its worker was stopped). */
export function cancelledRun(
  input: Omit<ExecuteRunInput, 'table' | 'actor'>,
  startedAt: string,
  finishedAt: string,
  durationMs: number,
  curve: CurvePoint[],
): RunRecord {
  return {
    id: input.runId,
    name: input.runName,
    status: 'cancelled',
    reason: 'Cancelled by the user.',
    spec: input.spec,
    datasetVersionId: input.version.id,
    datasetName: input.version.name,
    seed: input.spec.seed,
    environment: input.environment,
    startedAt,
    finishedAt,
    durationMs,
    curve,
    outcome: null,
    rerunOf: null,
  };
}

function finish(deps: ExecuteRunDeps, started: number) {
  return { finishedAt: new Date(deps.now()).toISOString(), durationMs: Math.round(deps.clock() - started) };
}

/** The one number the audit log shows for a run. */

function predictionSample(outcome: RunOutcome): [number, number, number][] {
  const { rows, actual, predicted } = outcome.predictions;
  const n = Math.min(rows.length, MAX_PREDICTION_SAMPLE);
  const step = rows.length / n;
  return Array.from({ length: n }, (_, i) => {
    const k = Math.floor(i * step);
    return [rows[k], actual[k], predicted[k]] as [number, number, number];
  });
}
