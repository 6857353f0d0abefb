/**
 * The Predict view: a registered model and a reference to one of its
 * versions (number, stage or alias), a form generated from that version's
 * input signature, a typed-in row scored and explained, a whole CSV scored
 * in the predict worker with progress and downloaded with its predictions,
 * and the latency measured per version this session.
 */
import type { CsvPrediction, RowPrediction, VersionInputs } from '../adapters/workers/predict-protocol.ts';
import { toErrorInfo } from '../core/errors.ts';
import { readRegistry, type RegistrySnapshot } from '../core/registry/registry-snapshot.ts';
import type { ModelVersion } from '../core/registry/registry-types.ts';
import { resolveModelRef } from '../core/serving/predict/model-ref.ts';
import type { LatencySummary } from '../core/serving/statistics/percentile.ts';
import { refOptions } from './predict-refs.ts';
import { runResult, runThrowing } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

/** The worker's answers, for the view (components do not import adapters). */
export type { InputField, RowPrediction, VersionInputs } from '../adapters/workers/predict-protocol.ts';

/** Latency of one version as last measured: single-row requests, and batches of a CSV. */
export interface VersionLatency {
  versionId: string;
  single: LatencySummary | null;
  batch: LatencySummary | null;
  /** Rows per batch the batch figures are for (0 before a CSV was scored). */
  batchRows: number;
}

/** A scored CSV as the view shows it. */
export interface ScoredFile extends CsvPrediction {
  fileName: string;
}

const EMPTY: RegistrySnapshot = { models: [], versions: [], transitions: [] };

export class PredictState {
  snapshot = $state.raw<RegistrySnapshot>(EMPTY);
  loaded = $state(false);
  modelName = $state<string | null>(null);
  /** What follows `@`: a version number, a stage or an alias. */
  ref = $state<string | null>(null);
  /** The form's inputs for the resolved version (null until read). */
  inputs = $state.raw<VersionInputs | null>(null);
  /** The form's values by input name, as typed ('' = missing, imputed as in training). */
  values = $state<Record<string, string>>({});
  row = $state.raw<RowPrediction | null>(null);
  file = $state.raw<ScoredFile | null>(null);
  /** Rows scored so far of the CSV being scored. */
  progress = $state.raw<{ done: number; total: number } | null>(null);
  busy = $state<'inputs' | 'row' | 'csv' | null>(null);
  error = $state<string | null>(null);
  /** Latency by version id, in the order first measured. */
  latency = $state.raw<VersionLatency[]>([]);

  readonly models = $derived(this.snapshot.models.map((m) => m.name).sort((a, b) => a.localeCompare(b)));
  readonly refs = $derived(this.modelName ? refOptions(this.snapshot, this.modelName) : []);
  /** The version the reference names, or why it names none. */
  readonly resolved = $derived(this.#resolve());
  readonly version = $derived(this.resolved.version);

  readonly #context: WorkspaceContext;
  /** Counts version picks, so a slow answer for an earlier pick is dropped. */
  #pick = 0;

  constructor(context: WorkspaceContext) {
    this.#context = context;
    context.changes.subscribe(['registry'], () => this.refresh());
  }

  /** Rereads the registry; keeps the pick when it still names a version. */
  async refresh(): Promise<void> {
    const outcome = await runThrowing(() => readRegistry(this.#context.store));
    if (!outcome.ok) {
      this.error = outcome.message;
      return;
    }
    this.snapshot = outcome.value;
    this.loaded = true;
    if (this.modelName === null || !this.models.includes(this.modelName)) {
      await this.chooseModel(this.models[0] ?? null);
      return;
    }
    if (this.ref === null || !this.refs.some((r) => r.ref === this.ref))
      await this.chooseRef(this.refs[0]?.ref ?? null);
    else if (this.version?.id !== this.inputs?.versionId) await this.#readInputs();
  }

  /** Picks a model and its newest version. */
  async chooseModel(name: string | null): Promise<void> {
    this.modelName = name;
    await this.chooseRef(this.refs[0]?.ref ?? null);
  }

  /** Picks a version by number, stage or alias, and reads its inputs for the form. */
  async chooseRef(ref: string | null): Promise<void> {
    this.ref = ref;
    await this.#readInputs();
  }

  setValue(name: string, value: string): void {
    this.values = { ...this.values, [name]: value };
  }

  /** Scores the form's row with the version on show and explains it. */
  async predictRow(): Promise<void> {
    const version = this.version;
    if (!version || this.busy) return;
    this.busy = 'row';
    this.error = null;
    const outcome = await runResult(() => this.#context.predict.scoreRow(version.id, { ...this.values }));
    this.busy = null;
    if (!outcome.ok) {
      this.error = outcome.message;
      return;
    }
    this.row = outcome.value;
    this.#recordLatency(version.id, { single: outcome.value.latency });
  }

  /** Scores every row of a CSV file in the worker, reporting progress. */
  async predictFile(file: Blob, fileName: string): Promise<void> {
    const version = this.version;
    if (!version || this.busy) return;
    this.busy = 'csv';
    this.error = null;
    this.file = null;
    this.progress = { done: 0, total: 0 };
    // The file itself goes to the worker, which reads, parses and scores it.
    const outcome = await runResult(() =>
      this.#context.predict.scoreCsv(version.id, file, (done, total) => (this.progress = { done, total })),
    );
    this.busy = null;
    this.progress = null;
    if (!outcome.ok) {
      this.error = `${fileName} was not scored: ${outcome.message}`;
      return;
    }
    this.file = { ...outcome.value, fileName };
    const { single, batch, batchRows } = outcome.value;
    this.#recordLatency(version.id, { single, batch, batchRows });
  }

  /** Hands the scored file's predictions to the user as a CSV. */
  downloadPredictions(): void {
    const file = this.file;
    if (!file) return;
    const stem = file.fileName.replace(/\.[^.]*$/, '') || 'data';
    const model = file.versionId.replace('@', '-v');
    this.#context.files.download(`${stem}-predictions-${model}.csv`, file.csv, 'text/csv');
  }

  dismissError(): void {
    this.error = null;
  }

  async #readInputs(): Promise<void> {
    const pick = ++this.#pick;
    this.row = null;
    this.file = null;
    const version = this.version;
    if (!version) {
      this.inputs = null;
      return;
    }
    this.busy = 'inputs';
    const outcome = await runResult(() => this.#context.predict.describe(version.id));
    if (pick !== this.#pick) return;
    this.busy = null;
    if (!outcome.ok) {
      this.inputs = null;
      this.error = outcome.message;
      return;
    }
    this.inputs = outcome.value;
    this.values = Object.fromEntries(outcome.value.fields.map((f) => [f.name, f.typical]));
  }

  #resolve(): { version: ModelVersion | null; problem: string | null } {
    if (this.modelName === null || this.ref === null) return { version: null, problem: null };
    try {
      return { version: resolveModelRef(this.snapshot, { name: this.modelName, ref: this.ref }), problem: null };
    } catch (error) {
      return { version: null, problem: toErrorInfo(error).message };
    }
  }

  #recordLatency(versionId: string, update: Partial<Omit<VersionLatency, 'versionId'>>): void {
    const before = this.latency.find((l) => l.versionId === versionId);
    const next = { versionId, single: null, batch: null, batchRows: 0, ...before, ...update };
    this.latency = before ? this.latency.map((l) => (l === before ? next : l)) : [...this.latency, next];
  }
}
