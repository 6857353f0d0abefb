/**
 * The feature service editor: a name, a description and the feature views
 * the service serves (each at its newest version). Apply stores it through
 * the core, audited as the CLI's apply is; a changed service becomes its
 * next version.
 */
import type { FeatureService } from '../core/features/definitions/feature-types.ts';
import { serviceId } from '../core/features/definitions/service-id.ts';
import { applyInApp } from './apply-in-app.ts';
import type { WorkspaceContext } from './workspace-context.ts';

export class FeatureServiceForm {
  name = $state('');
  description = $state('');
  /** View names, in the order ticked. */
  views = $state.raw<string[]>([]);
  busy = $state(false);
  error = $state<string | null>(null);
  /** What the last apply stored: `name@version`, and whether it was new. */
  applied = $state.raw<{ serviceId: string; changed: boolean } | null>(null);
  ready: boolean = $derived(this.name.trim() !== '' && this.views.length > 0 && !this.busy);
  readonly #context: WorkspaceContext;

  constructor(context: WorkspaceContext) {
    this.#context = context;
  }

  /** Fills the form from a stored service, to change it into its next version. */
  edit(service: FeatureService): void {
    this.name = service.name;
    this.description = service.description;
    this.views = [...service.views];
    this.applied = null;
  }

  toggleView(name: string, on: boolean): void {
    this.views = on ? [...this.views.filter((v) => v !== name), name] : this.views.filter((v) => v !== name);
    this.applied = null;
  }

  async apply(): Promise<void> {
    if (!this.ready) return;
    this.busy = true;
    const json = {
      entities: [],
      featureViews: [],
      // features.json has no empty description: leave it out instead.
      featureServices: [
        { name: this.name.trim(), views: this.views, description: this.description.trim() || undefined },
      ],
    };
    const outcome = await applyInApp(this.#context, json);
    this.busy = false;
    if (!outcome.ok) {
      this.error = outcome.message;
      return;
    }
    const { service, changed } = outcome.value.services[0];
    this.applied = { serviceId: serviceId(service), changed };
    this.error = null;
    if (outcome.value.event) await this.#context.changes.notify('audit');
  }

  dismissError(): void {
    this.error = null;
  }
}
