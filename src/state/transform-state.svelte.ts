/**
 * The Transform panel: a recipe of steps over one saved dataset version,
 * checked as it is edited (each mistake at its step and position), previewed
 * and saved as a new version in the transform worker.
 */
import { checkRecipe, type CheckedRecipe, type StepKind, type TransformStep } from '../core/data/transform/index.ts';
import type { DatasetVersion } from '../core/data/versions/dataset-version.ts';
import type { TransformApi, TransformPreview } from '../adapters/workers/transform-protocol.ts';
import { runResult, runThrowing } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

const PREVIEW_ROWS = 20;

/** A new step of each kind, with empty fields for the user to fill. */
export function blankStep(kind: StepKind, firstColumn = ''): TransformStep {
  switch (kind) {
    case 'filter':
      return { kind, expression: '' };
    case 'derive':
      return { kind, column: '', expression: '' };
    case 'drop':
      return { kind, columns: [] };
    case 'rename':
      return { kind, from: firstColumn, to: '' };
    case 'fill':
      return { kind, column: firstColumn, method: 'value', value: '' };
    case 'deduplicate':
      return { kind, columns: [] };
  }
}

export class TransformState {
  parent = $state.raw<DatasetVersion | null>(null);
  steps = $state.raw<TransformStep[]>([]);
  preview = $state.raw<TransformPreview | null>(null);
  busy = $state(false);
  error = $state<string | null>(null);
  /** What the last save did, for the status line. */
  saved = $state.raw<{ created: boolean; version: DatasetVersion } | null>(null);
  /** Every step checked against the columns it will see; null until a version is chosen. */
  checked: CheckedRecipe | null = $derived(this.parent ? checkRecipe({ steps: this.steps }, this.parent.schema) : null);
  readonly #context: WorkspaceContext;
  readonly #client: TransformApi;

  constructor(context: WorkspaceContext, client: TransformApi) {
    this.#context = context;
    this.#client = client;
  }

  /** Starts a recipe over the saved version `id` (the steps are kept when they still fit). */
  async choose(id: string): Promise<void> {
    const outcome = await runThrowing(() => this.#context.store.getDatasetVersion(id));
    if (!outcome.ok || !outcome.value) {
      this.error = outcome.ok ? `Dataset version ${id.slice(0, 12)} is not in this workspace.` : outcome.message;
      return;
    }
    this.parent = outcome.value;
    this.preview = null;
    this.saved = null;
    this.error = null;
  }

  addStep(kind: StepKind): void {
    this.steps = [...this.steps, blankStep(kind, this.parent?.schema[0]?.name)];
    this.#edited();
  }

  updateStep(index: number, step: TransformStep): void {
    this.steps = this.steps.map((s, i) => (i === index ? step : s));
    this.#edited();
  }

  removeStep(index: number): void {
    this.steps = this.steps.filter((_, i) => i !== index);
    this.#edited();
  }

  /** Applies the recipe in the worker and shows its first rows. */
  async runPreview(): Promise<void> {
    const parent = this.parent;
    if (!parent || !this.checked?.ok) return;
    this.busy = true;
    const outcome = await runResult(() => this.#client.preview(parent.id, { steps: this.steps }, PREVIEW_ROWS));
    this.busy = false;
    if (outcome.ok) this.preview = outcome.value;
    else this.error = outcome.message;
  }

  /** Saves the result as a new version; its parent is the chosen version and its recipe these steps. */
  async save(name: string, note: string): Promise<void> {
    const parent = this.parent;
    if (!parent || !this.checked?.ok || this.steps.length === 0) return;
    this.busy = true;
    const request = { name, note, actor: this.#context.actor() };
    const outcome = await runResult(() => this.#client.save(parent.id, { steps: this.steps }, request));
    this.busy = false;
    if (!outcome.ok) {
      this.error = outcome.message;
      return;
    }
    this.saved = outcome.value;
    this.error = null;
    if (outcome.value.created) await this.#context.changes.notify('datasetVersions', 'audit');
  }

  dismissError(): void {
    this.error = null;
  }

  #edited(): void {
    this.preview = null;
    this.saved = null;
  }
}
