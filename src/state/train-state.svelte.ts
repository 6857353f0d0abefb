/**
 * The training run in progress (one at a time) and the last one that
 * ended: live curve, trees built, elapsed time, backend, and Cancel. All the
 * work happens in the run's own worker; this only listens.
 */
import { version as TFJS_VERSION } from '@tensorflow/tfjs/package.json';
import type { TrainJob } from '../adapters/workers/train-client.ts';
import type { BackendPreference, TrainEvent } from '../adapters/workers/train-protocol.ts';
import type { DatasetVersion } from '../core/data/versions/dataset-version.ts';
import type { ModelKind, PipelineSpec } from '../core/train/pipeline-spec.ts';
import type { CurvePoint, RunEnvironment, RunRecord } from '../core/train/run-record.ts';
import { cancelledRun } from '../core/train/execute-run.ts';
import { runCancelled } from '../core/audit/events/train-events.ts';
import { modelEntry } from '../core/models/catalogue.ts';
import { WORKBENCH_VERSION } from '../core/version.ts';
import { runResult, runThrowing } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

/** How to start a run. */
export interface StartOptions {
  backend: BackendPreference;
  /** The stored run whose spec this re-runs. */
  rerunOf?: RunRecord | null;
}

/** The one training slot: a run in progress, or the last that ended. */
export class TrainState {
  running = $state(false);
  /** The run in progress, or the last one started. */
  runId = $state<string | null>(null);
  runName = $state('');
  modelKind = $state<ModelKind | null>(null);
  phase = $state<string | null>(null);
  backend = $state<string | null>(null);
  backendReason = $state<string | null>(null);
  curve = $state.raw<CurvePoint[]>([]);
  trees = $state.raw<{ built: number; total: number } | null>(null);
  /** The MLP's epochs: `epoch` of at most `total`, and the estimated milliseconds left (null before the first). */
  epochs = $state.raw<{ epoch: number; total: number; remainingMs: number | null } | null>(null);
  /** Evaluation progress: held-out rows scored, then importance permutations done. */
  steps = $state.raw<{ phase: 'scoring' | 'importance'; done: number; total: number } | null>(null);
  #trainingFrom = 0;
  elapsedMs = $state(0);
  /** The last run that ended (completed, failed or cancelled), as stored. */
  lastRun = $state.raw<RunRecord | null>(null);
  error = $state<string | null>(null);

  readonly #context: WorkspaceContext;
  #job: TrainJob | null = null;
  #spec: PipelineSpec | null = null;
  #rerunOf: RunRecord | null = null;
  /** The version the run trains on, read at the start so Cancel records the run without another read. */
  #version: DatasetVersion | undefined;
  #startedAt = '';
  #started = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(context: WorkspaceContext) {
    this.#context = context;
    context.changes.subscribe(['erased'], () => this.clear());
  }

  /** Trains `spec` in a new worker; resolves with the stored run, or null (error or cancel). */
  async start(spec: PipelineSpec, options: StartOptions): Promise<RunRecord | null> {
    if (this.running) {
      this.error = 'A run is already training. Wait for it to finish or cancel it, then start another.';
      return null;
    }
    const rerunOf = options.rerunOf ?? null;
    this.running = true; // hold the slot while the store is read
    const read = await runThrowing(() =>
      Promise.all([
        rerunOf ? null : this.#context.store.listRuns(),
        this.#context.store.getDatasetVersion(spec.datasetVersionId),
      ]),
    );
    if (!read.ok) {
      this.running = false;
      this.error = read.message;
      return null;
    }
    const [storedRuns, version] = read.value;
    // Runs are numbered after the stored ones.
    const name = rerunOf
      ? `${rerunOf.name} re-run`
      : `${modelEntry(spec.model.kind).shortName} #${storedRuns!.length + 1}`;
    this.#version = version;
    this.#begin(spec, name, rerunOf);
    const job = this.#context.trainer.start(
      {
        spec,
        actor: this.#context.actor(),
        backend: options.backend,
        runId: this.runId!,
        runName: name,
        rerunOf: rerunOf?.id ?? null,
      },
      (event) => this.#onEvent(event),
    );
    this.#job = job;
    const outcome = await runResult(() => job.result);
    if (this.#job !== job) return null; // cancelled: cancel() records the run
    this.#end();
    if (!outcome.ok) this.error = outcome.message;
    await this.#afterRun();
    if (outcome.ok) {
      this.lastRun = outcome.value;
      return outcome.value;
    }
    // A run that failed in the worker is stored too, with its reason.
    const runId = this.runId!;
    const stored = await runThrowing(() => this.#context.store.getRun(runId));
    this.lastRun = stored.ok ? (stored.value ?? null) : null;
    return null;
  }

  /** Stops the worker at once and stores the run as cancelled, with the curve so far. */
  async cancel(): Promise<void> {
    const job = this.#job;
    const spec = this.#spec;
    if (!job || !spec || !this.runId) return;
    job.cancel();
    this.#end();
    const finishedAt = this.#context.now();
    const saved = await runThrowing(async () => {
      // The worker reads the version itself; without it the run never started.
      const stored = this.#version ?? (await this.#context.store.getDatasetVersion(spec.datasetVersionId));
      if (!stored)
        throw new Error(
          `Dataset version ${spec.datasetVersionId.slice(0, 12)} is gone, so the cancelled run was not recorded.`,
        );
      const run = cancelledRun(
        {
          version: stored,
          spec,
          runId: this.runId!,
          runName: this.runName,
          environment: this.#environment(),
          rerunOf: this.#rerunOf,
        },
        this.#startedAt,
        finishedAt,
        Math.round(this.elapsedMs),
        this.curve,
      );
      return this.#context.store.saveRun(run, [], runCancelled(run, this.#context.actor()));
    });
    if (saved.ok) this.lastRun = saved.value;
    else this.error = saved.message;
    await this.#afterRun();
  }

  /** Trains a stored run's spec again, on the backend it used, to see whether it reproduces. */
  rerun(run: RunRecord): Promise<RunRecord | null> {
    const backend = (run.environment.backend ?? 'auto') as BackendPreference;
    return this.start(run.spec, { backend, rerunOf: run });
  }

  /** Shows why a run cannot start (e.g. the form is incomplete). */
  refuse(message: string): void {
    this.error = message;
  }

  dismissError(): void {
    this.error = null;
  }

  /** Forgets the last run shown (after the workspace was erased). */
  clear(): void {
    if (!this.running) this.lastRun = null;
    this.error = null;
  }

  #begin(spec: PipelineSpec, name: string, rerunOf: RunRecord | null): void {
    this.running = true;
    this.error = null;
    this.lastRun = null;
    this.runId = crypto.randomUUID();
    this.runName = name;
    this.modelKind = spec.model.kind;
    this.phase = 'starting the worker';
    this.backend = null;
    this.backendReason = null;
    this.curve = [];
    this.trees = null;
    this.epochs = null;
    this.steps = null;
    this.elapsedMs = 0;
    this.#spec = spec;
    this.#rerunOf = rerunOf;
    this.#startedAt = this.#context.now();
    this.#started = performance.now();
    this.#timer = setInterval(() => (this.elapsedMs = performance.now() - this.#started), 200);
  }

  #end(): void {
    clearInterval(this.#timer);
    this.elapsedMs = performance.now() - this.#started;
    this.running = false;
    this.phase = null;
    this.#job = null;
  }

  #onEvent(event: TrainEvent): void {
    switch (event.kind) {
      case 'started':
        this.backend = event.backend;
        this.backendReason = event.backendReason;
        this.phase = 'preparing';
        return;
      case 'phase':
        this.phase = event.phase;
        if (event.phase === 'training') this.#trainingFrom = performance.now();
        return;
      case 'epoch':
        this.epochs = {
          epoch: event.epoch,
          total: event.total,
          remainingMs: epochsLeftMs(performance.now() - this.#trainingFrom, event.epoch, event.total),
        };
        return;
      case 'steps':
        this.steps = { phase: event.phase, done: event.done, total: event.total };
        return;
      case 'curve':
        this.curve = [...this.curve, event.point];
        return;
      case 'trees':
        this.trees = { built: event.built, total: event.total };
    }
  }

  #environment(): RunEnvironment {
    return {
      backend: this.backend,
      backendReason: this.backendReason,
      tfjsVersion: TFJS_VERSION,
      workbenchVersion: WORKBENCH_VERSION,
      platform: this.#context.trainer.platform,
    };
  }

  /** A run ended (stored by the worker, or here when cancelled): its record and events are in. */
  async #afterRun(): Promise<void> {
    await this.#context.changes.notify('runs', 'audit');
  }
}

/** Time left at the mean pace of the epochs so far (an upper bound when early stopping ends the run sooner). */
export function epochsLeftMs(elapsedMs: number, epoch: number, total: number): number | null {
  if (epoch < 1) return null;
  return (elapsedMs / epoch) * Math.max(0, total - epoch);
}
