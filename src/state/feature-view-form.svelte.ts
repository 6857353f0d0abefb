/**
 * The feature view editor: an entity, a source dataset and its time
 * columns, a TTL, and features written as expressions, each checked live
 * against the source's columns (the parser's positioned messages, "did you
 * mean"). Apply stores a new view version through the core, audited as the
 * CLI's apply is.
 */
import type { ColumnSchema } from '../core/data/types.ts';
import type { DatasetVersion } from '../core/data/versions/dataset-version.ts';
import { compileViewFeatures } from '../core/features/compute/view-features.ts';
import type { FeatureDefinition, FeatureViewRecord } from '../core/features/definitions/feature-types.ts';
import type { ExpressionError } from '../core/features/expression/index.ts';
import { parseDuration } from '../core/features/join/duration.ts';
import { applyInApp } from './apply-in-app.ts';
import type { WorkspaceContext } from './workspace-context.ts';

/** What the last apply did, for the status line. */
export interface ApplyStatus {
  viewId: string;
  changed: boolean;
}

export class FeatureViewForm {
  readonly #datasets: () => DatasetVersion[];
  name = $state('');
  entity = $state('');
  /** Join-key columns, comma-separated as typed. */
  joinKeys = $state('');
  /** Source dataset name: its newest version is used. */
  source = $state('');
  eventTime = $state('');
  created = $state('');
  ttl = $state('');
  features = $state.raw<FeatureDefinition[]>([{ name: '', expression: '' }]);
  busy = $state(false);
  error = $state<string | null>(null);
  applied = $state.raw<ApplyStatus | null>(null);

  /** The newest saved version of the source name. */
  sourceVersion: DatasetVersion | undefined = $derived.by(() => this.#datasets().find((v) => v.name === this.source));
  columns: ColumnSchema[] = $derived(this.sourceVersion?.schema ?? []);
  keyList: string[] = $derived(
    this.joinKeys
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k !== ''),
  );
  /** Each feature's expression errors (by index), against the source's columns. */
  problems: ExpressionError[][] = $derived(
    this.features.map((f) => {
      if (f.expression.trim() === '' || this.columns.length === 0) return [];
      const checked = compileViewFeatures({ features: [f], eventTime: this.eventTime }, this.keyList, this.columns);
      return checked.ok ? [] : checked.problems.map((p) => p.error);
    }),
  );
  ttlProblem: string | null = $derived(durationProblem(this.ttl));
  /** Every field filled and nothing flagged. */
  ready: boolean = $derived(
    [this.name, this.entity, this.source, this.eventTime].every((t) => t.trim() !== '') &&
      this.keyList.length > 0 &&
      this.sourceVersion !== undefined &&
      this.features.length > 0 &&
      this.features.every((f) => f.name.trim() !== '' && f.expression.trim() !== '') &&
      this.problems.every((p) => p.length === 0) &&
      this.ttlProblem === null,
  );
  readonly #context: WorkspaceContext;

  /** @param datasets the saved dataset versions, newest first */
  constructor(context: WorkspaceContext, datasets: () => DatasetVersion[]) {
    this.#context = context;
    this.#datasets = datasets;
  }

  /** Fills the form from a stored view version, to change it into the next one. */
  edit(view: FeatureViewRecord, entity: string = view.entity): void {
    this.name = view.name;
    this.entity = entity;
    this.joinKeys = view.joinKeys.join(', ');
    this.source = view.source;
    this.eventTime = view.eventTime;
    this.created = view.created ?? '';
    this.ttl = view.ttl ?? '';
    this.features = view.features.map((f) => ({ ...f }));
    this.#edited();
  }

  setFeature(index: number, feature: FeatureDefinition): void {
    this.features = this.features.map((f, i) => (i === index ? feature : f));
    this.#edited();
  }

  addFeature(): void {
    this.features = [...this.features, { name: '', expression: '' }];
    this.#edited();
  }

  removeFeature(index: number): void {
    this.features = this.features.filter((_, i) => i !== index);
    this.#edited();
  }

  /** Validates and stores the entity and the view; a changed view becomes its next version. */
  async apply(): Promise<void> {
    if (!this.ready) return;
    this.busy = true;
    const json = {
      entities: [{ name: this.entity.trim(), joinKeys: this.keyList }],
      featureViews: [
        {
          name: this.name.trim(),
          entity: this.entity.trim(),
          source: this.source,
          eventTime: this.eventTime,
          created: this.created.trim() || null,
          ttl: this.ttl.trim() || null,
          features: this.features.map((f) => ({ name: f.name.trim(), expression: f.expression })),
        },
      ],
      featureServices: [],
    };
    const outcome = await applyInApp(this.#context, json);
    this.busy = false;
    if (!outcome.ok) {
      this.error = outcome.message;
      return;
    }
    const view = outcome.value.views[0];
    this.applied = { viewId: view.view.id, changed: view.changed };
    this.error = null;
    if (outcome.value.event) await this.#context.changes.notify('audit');
  }

  dismissError(): void {
    this.error = null;
  }

  #edited(): void {
    this.applied = null;
  }
}

function durationProblem(text: string): string | null {
  if (text.trim() === '') return null;
  try {
    parseDuration(text);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
