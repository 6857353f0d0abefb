/**
 * The Train view's form: every choice of a run, and the pipeline spec they
 * make. Column choices belong to one dataset version; picking another
 * version starts again from its defaults.
 */
import type { BackendPreference } from '../adapters/workers/train-protocol.ts';

export type { BackendPreference };
import { toErrorInfo } from '../core/errors.ts';
import { MODEL_CATALOGUE, modelEntry, modelsFor } from '../core/models/catalogue.ts';
import type { ModelEntry } from '../core/models/model-entry.ts';
import { paramDefaults } from '../core/models/model-params.ts';
import {
  defaultPipelineSpec,
  type ModelKind,
  type ModelSpec,
  type PipelineSpec,
  type Task,
} from '../core/train/pipeline-spec.ts';
import { validatePipelineSpec } from '../core/train/validate-spec.ts';
import { withImputation, type ImputationChoice } from '../core/train/imputation.ts';
import { defaultFeatures, defaultTarget, detectTask } from './train-columns.ts';
import type { VersionsState } from './versions-state.svelte.ts';

/** TF.js backends a user can ask for; `auto` lets the worker pick by what the device really is. */
export const BACKEND_CHOICES: readonly { id: BackendPreference; label: string }[] = [
  { id: 'auto', label: 'Auto (fastest this device really has)' },
  { id: 'webgpu', label: 'WebGPU' },
  { id: 'webgl', label: 'WebGL' },
  { id: 'wasm', label: 'WASM' },
  { id: 'cpu', label: 'CPU' },
];

interface ColumnChoice {
  versionId: string;
  target: string;
  task: Task | 'auto';
  features: string[];
}

/** The form's choices; `spec` is what they make and `problem` why it cannot run yet. */
export class TrainForm {
  /** The saved versions to train on (the app's versions list). */
  readonly #versions: Pick<VersionsState, 'list' | 'byId'>;
  #versionPick = $state('');
  #columnPick = $state.raw<ColumnChoice | null>(null);

  /** The picked version while it exists, else the newest. */
  readonly versionId = $derived.by(() =>
    this.#versions.byId(this.#versionPick) ? this.#versionPick : (this.#versions.list[0]?.id ?? ''),
  );
  readonly version = $derived.by(() => this.#versions.byId(this.versionId));
  readonly #columns: ColumnChoice = $derived.by(() => {
    if (this.#columnPick?.versionId === this.versionId) return this.#columnPick;
    const target = defaultTarget(this.version);
    return { versionId: this.versionId, target, task: 'auto', features: defaultFeatures(this.version, target) };
  });
  readonly detectedTask = $derived(detectTask(this.version, this.#columns.target));
  readonly task: Task = $derived(this.#columns.task === 'auto' ? this.detectedTask : this.#columns.task);

  /** The kind the user picked; {@link modelKind} is it while it fits the task. */
  #modelPick = $state<ModelKind>(MODEL_CATALOGUE[0].kind);
  /** The kinds that can learn the task, in catalogue order: all the form offers. */
  readonly modelChoices: ModelEntry[] = $derived(modelsFor(this.task));
  readonly #modelKind: ModelKind = $derived(
    this.modelChoices.some((m) => m.kind === this.#modelPick)
      ? this.#modelPick
      : (this.modelChoices[0]?.kind as ModelKind),
  );
  readonly model: ModelEntry = $derived(modelEntry(this.#modelKind));
  /** Why the model shown is not the one picked (it cannot learn this task), or null. */
  readonly modelNote: string | null = $derived.by(() => {
    if (this.#modelPick === this.#modelKind) return null;
    const picked = modelEntry(this.#modelPick);
    return `${picked.label} cannot learn ${this.task}, so ${this.model.label} is chosen instead.`;
  });
  /** Each kind's hyperparameters as edited, so switching kinds keeps what was typed. */
  modelParams = $state<Record<string, Record<string, unknown>>>(
    Object.fromEntries(MODEL_CATALOGUE.map((entry) => [entry.kind, paramDefaults(entry.params)])),
  );
  testFraction = $state(0.2);
  stratify = $state(true);
  /** `time` trains on the earlier rows and tests on the later (offered when the data has a time column). */
  splitKind = $state<'random' | 'time'>('random');
  #timePick = $state('');
  /** The version's date/time columns other than the target, timestamp role first: what a time split can order by. */
  readonly timeColumns: string[] = $derived.by(() => {
    const times = (this.version?.schema ?? []).filter((c) => c.type === 'datetime' && c.name !== this.target);
    return [...times.filter((c) => c.role === 'timestamp'), ...times.filter((c) => c.role !== 'timestamp')].map(
      (c) => c.name,
    );
  });
  /** The column a time split orders by: the picked one while it exists, else the first. */
  get timeColumn(): string {
    return this.timeColumns.includes(this.#timePick) ? this.#timePick : (this.timeColumns[0] ?? '');
  }
  set timeColumn(name: string) {
    this.#timePick = name;
  }
  /** The split in effect: a time split only while the data has a time column. */
  readonly effectiveSplitKind: 'random' | 'time' = $derived(
    this.splitKind === 'time' && this.timeColumns.length > 0 ? 'time' : 'random',
  );
  seed = $state(42);
  /** 0 or empty: no cross-validation. */
  cvFolds = $state<number | null>(0);
  backend = $state<BackendPreference>('auto');
  /** How missing feature cells are handled (see core/train/imputation.ts). */
  impute = $state<ImputationChoice>('median');
  /** The number `constant` imputation fills in; empty means 0. */
  imputeFill = $state<number | null>(0);

  constructor(versions: Pick<VersionsState, 'list' | 'byId'>) {
    this.#versions = versions;
  }

  get modelKind(): ModelKind {
    return this.#modelKind;
  }
  set modelKind(kind: ModelKind) {
    this.#modelPick = kind;
  }

  /** Sets one hyperparameter of the current kind. */
  setParam(name: string, value: unknown): void {
    this.modelParams[this.#modelKind][name] = value;
  }

  get target(): string {
    return this.#columns.target;
  }
  /** A new target starts from its own default features and detected task. */
  set target(target: string) {
    this.#columnPick = {
      versionId: this.versionId,
      target,
      task: 'auto',
      features: defaultFeatures(this.version, target),
    };
  }
  get taskChoice(): Task | 'auto' {
    return this.#columns.task;
  }
  set taskChoice(task: Task | 'auto') {
    this.#columnPick = { ...this.#columns, task };
  }
  get features(): string[] {
    return this.#columns.features;
  }
  set features(features: string[]) {
    this.#columnPick = { ...this.#columns, features };
  }

  pickVersion(id: string): void {
    this.#versionPick = id;
  }

  /** The spec these choices make (possibly invalid: see {@link problem}). */
  readonly spec: PipelineSpec = $derived.by(() => {
    const base = defaultPipelineSpec(this.versionId, this.target, this.modelKind, numberOr(this.seed, NaN));
    const cv = numberOr(this.cvFolds, 0);
    return {
      ...base,
      features: this.#columns.features.filter((f) => f !== this.target),
      task: this.#columns.task,
      split:
        this.effectiveSplitKind === 'time'
          ? { kind: 'time', column: this.timeColumn, testFraction: numberOr(this.testFraction, NaN) }
          : {
              kind: 'random',
              testFraction: numberOr(this.testFraction, NaN),
              stratify: this.stratify,
              seed: numberOr(this.seed, NaN),
            },
      model: this.#model(),
      preprocessing: withImputation(
        base.preprocessing,
        this.impute,
        this.impute === 'constant' ? numberOr(this.imputeFill, 0) : undefined,
      ),
      crossValidation: cv > 0 ? { folds: cv } : null,
    };
  });

  /** Why the spec cannot run as it is, or null. */
  readonly problem: string | null = $derived.by(() => {
    if (!this.version) return 'Save a dataset version first (Data view), then train on it.';
    if (!this.target) return 'Choose the column to predict (the target).';
    if (this.spec.features.length === 0) return 'Choose at least one feature column.';
    if (!this.model.tasks.includes(this.task)) {
      return `${this.model.label} is for ${this.model.tasks.join(' and ')}, but this is ${this.task}. Choose another model or task.`;
    }
    try {
      validatePipelineSpec(this.spec);
      return null;
    } catch (error) {
      return toErrorInfo(error).message;
    }
  });

  #model(): ModelSpec {
    return { kind: this.#modelKind, ...$state.snapshot(this.modelParams[this.#modelKind]) } as ModelSpec;
  }
}

/** An emptied number input binds `null`: treat it as `fallback`. */
function numberOr(value: number | null | undefined, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}
