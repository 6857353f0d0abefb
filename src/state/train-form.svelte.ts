/**
 * The Train view's form: every choice of a run, and the pipeline spec they
 * make. Column choices belong to one dataset version; picking another
 * version starts again from its defaults.
 */
import type { BackendPreference } from '../adapters/workers/train-protocol.ts';

export type { BackendPreference };
import { toErrorInfo } from '../core/errors.ts';
import {
  defaultModelSpec,
  defaultPipelineSpec,
  type ForestSpec,
  type LinearSpec,
  type LogisticSpec,
  type ModelKind,
  type ModelSpec,
  type PipelineSpec,
  type Task,
} from '../core/train/pipeline-spec.ts';
import { validatePipelineSpec } from '../core/train/validate-spec.ts';
import { defaultFeatures, defaultTarget, detectTask } from './train-columns.ts';
import type { VersionsState } from './versions-state.svelte.ts';

/** The models a user can pick, with the tasks each can learn. */
export const MODEL_CHOICES: readonly { kind: ModelKind; label: string; tasks: readonly Task[] }[] = [
  { kind: 'forest', label: 'Random forest', tasks: ['classification', 'regression'] },
  { kind: 'logistic', label: 'Logistic regression', tasks: ['classification'] },
  { kind: 'mlp', label: 'MLP (neural network)', tasks: ['classification', 'regression'] },
  { kind: 'linear', label: 'Linear (ridge) regression', tasks: ['regression'] },
];

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

/** Hyperparameters as the form edits them; MLP layer sizes are typed as text (`64,64`). */
export interface MlpFields {
  hiddenLayers: string;
  activation: 'relu' | 'tanh' | 'sigmoid';
  optimizer: 'adam' | 'sgd' | 'rmsprop';
  learningRate: number;
  l2: number;
  batchSize: number;
  epochs: number;
  earlyStopping: boolean;
  patience: number;
  validationFraction: number;
}

/** How the forest's features per split are chosen: a rule, or a fraction of them. */
export type MaxFeaturesMode = 'sqrt' | 'log2' | 'all' | 'fraction';

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

  modelKind = $state<ModelKind>('forest');
  forest = $state(defaultModelSpec('forest') as ForestSpec);
  maxFeaturesMode = $state<MaxFeaturesMode>('sqrt');
  maxFeaturesFraction = $state(0.5);
  logistic = $state(defaultModelSpec('logistic') as LogisticSpec);
  linear = $state(defaultModelSpec('linear') as LinearSpec);
  mlp = $state<MlpFields>({
    hiddenLayers: '64,64',
    activation: 'relu',
    optimizer: 'adam',
    learningRate: 0.001,
    l2: 0.0001,
    batchSize: 64,
    epochs: 50,
    earlyStopping: true,
    patience: 5,
    validationFraction: 0.1,
  });
  testFraction = $state(0.2);
  stratify = $state(true);
  seed = $state(42);
  /** 0 or empty: no cross-validation. */
  cvFolds = $state<number | null>(0);
  backend = $state<BackendPreference>('auto');

  constructor(versions: Pick<VersionsState, 'list' | 'byId'>) {
    this.#versions = versions;
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
      split: {
        kind: 'random',
        testFraction: numberOr(this.testFraction, NaN),
        stratify: this.stratify,
        seed: numberOr(this.seed, NaN),
      },
      model: this.#model(),
      crossValidation: cv > 0 ? { folds: cv } : null,
    };
  });

  /** Why the spec cannot run as it is, or null. */
  readonly problem: string | null = $derived.by(() => {
    if (!this.version) return 'Save a dataset version first (Data view), then train on it.';
    if (!this.target) return 'Choose the column to predict (the target).';
    if (this.spec.features.length === 0) return 'Choose at least one feature column.';
    const choice = MODEL_CHOICES.find((m) => m.kind === this.modelKind)!;
    if (!choice.tasks.includes(this.task)) {
      return `${choice.label} is for ${choice.tasks.join(' and ')}, but this is ${this.task}. Choose another model or task.`;
    }
    try {
      validatePipelineSpec(this.spec);
      return null;
    } catch (error) {
      return toErrorInfo(error).message;
    }
  });

  #model(): ModelSpec {
    switch (this.modelKind) {
      case 'forest': {
        const maxFeatures =
          this.maxFeaturesMode === 'fraction' ? numberOr(this.maxFeaturesFraction, NaN) : this.maxFeaturesMode;
        const maxDepth =
          this.forest.maxDepth === null || (this.forest.maxDepth as unknown) === '' ? null : this.forest.maxDepth;
        return { ...this.forest, maxDepth, maxFeatures };
      }
      case 'logistic':
        return { ...this.logistic };
      case 'linear':
        return { ...this.linear };
      case 'mlp': {
        const m = this.mlp;
        return {
          kind: 'mlp',
          hiddenLayers: m.hiddenLayers
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== '')
            .map(Number),
          activation: m.activation,
          optimizer: m.optimizer,
          learningRate: m.learningRate,
          l2: m.l2,
          batchSize: m.batchSize,
          epochs: m.epochs,
          earlyStopping: m.earlyStopping ? { validationFraction: m.validationFraction, patience: m.patience } : null,
        };
      }
    }
  }
}

/** An emptied number input binds `null`: treat it as `fallback`. */
function numberOr(value: number | null | undefined, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}
