/**
 * The model registry as the UI sees it: every model, version and stage
 * transition, the model on show, the time slider's moment, and the
 * registry actions (each an audit event carrying the current actor).
 * A blocked promotion is not an error: it is kept in `blocked` with the
 * gates that failed.
 */
import type { FailedGate } from '../core/registry/promotion-gates.ts';
import { readRegistry, type RegistrySnapshot } from '../core/registry/registry-snapshot.ts';
import { registryAt, registryMoments, stageHistory } from '../core/registry/registry-at.ts';
import {
  registerRun,
  setAliases,
  setGates,
  transition,
  updateCard,
  updateVersionDetails,
} from '../core/registry/registry-service.ts';
import type { ModelVersion, PromotionGates, Stage } from '../core/registry/registry-types.ts';
import type { RunRecord } from '../core/train/run-record.ts';
import { runThrowing } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

/** A promotion the gates refused, as shown to the user. */
export interface BlockedAttempt {
  versionId: string;
  to: Stage;
  failedGates: FailedGate[];
}

/** What a stage move may carry besides its target. */
export interface MoveOptions {
  reason: string;
  approval?: { approver: string; comment: string } | null;
  acknowledgeSignatureChange?: boolean;
}

const EMPTY: RegistrySnapshot = { models: [], versions: [], transitions: [] };

export class RegistryState {
  snapshot = $state.raw<RegistrySnapshot>(EMPTY);
  loaded = $state(false);
  busy = $state(false);
  error = $state<string | null>(null);
  /** A sentence about the last action that succeeded, for a status line. */
  message = $state<string | null>(null);
  blocked = $state.raw<BlockedAttempt | null>(null);
  /** The model on show. */
  modelName = $state<string | null>(null);
  /** The version whose details are open (`name@n`). */
  shownId = $state<string | null>(null);
  /** Time slider position: an index into `moments`, or `null` for now. */
  momentIndex = $state<number | null>(null);
  /** Version ids ticked for comparison, in ticking order. */
  selected = $state.raw<string[]>([]);

  readonly models = $derived([...this.snapshot.models].sort((a, b) => a.name.localeCompare(b.name)));
  /** How many versions of each model this workspace holds (an imported v3 may be the only one). */
  readonly versionCounts = $derived(
    this.snapshot.versions.reduce(
      (counts, v) => counts.set(v.modelName, (counts.get(v.modelName) ?? 0) + 1),
      new Map<string, number>(),
    ),
  );
  readonly model = $derived(this.snapshot.models.find((m) => m.name === this.modelName) ?? null);
  readonly moments = $derived(registryMoments(this.snapshot));
  /** The moment on show, or `null` for now. */
  readonly moment = $derived(this.momentIndex === null ? null : (this.moments[this.momentIndex] ?? null));
  /** The versions of the model on show, with the stages they held at the moment on show. */
  readonly versions = $derived(this.#versionsAt(this.moment));
  /** Completed and blocked transitions of the model on show, in the order they happened. */
  readonly history = $derived(this.modelName ? stageHistory(this.snapshot, { modelName: this.modelName }) : []);
  readonly shown = $derived(this.byId(this.shownId));

  readonly #context: WorkspaceContext;

  constructor(context: WorkspaceContext) {
    this.#context = context;
    context.changes.subscribe(['registry'], () => this.refresh());
  }

  /** Rereads the registry and keeps the picks valid. */
  async refresh(): Promise<void> {
    const outcome = await runThrowing(() => readRegistry(this.#context.store));
    if (!outcome.ok) {
      this.error = outcome.message;
      return;
    }
    this.snapshot = outcome.value;
    this.loaded = true;
    const ids = new Set(this.snapshot.versions.map((v) => v.id));
    if (!this.model) this.modelName = this.models[0]?.name ?? null;
    if (this.shownId && !ids.has(this.shownId)) this.shownId = null;
    this.selected = this.selected.filter((id) => ids.has(id));
    if (this.momentIndex !== null && this.momentIndex >= this.moments.length) this.momentIndex = null;
  }

  /** Registers a completed run as the next version of `modelName` (created if new). */
  async register(
    run: RunRecord,
    modelName: string,
    details: { description: string; tags: Record<string, string> },
  ): Promise<ModelVersion | null> {
    const done = await this.#act(() =>
      registerRun(this.#context.store, {
        run,
        modelName: modelName.trim(),
        ...details,
        actor: this.#context.actor(),
        now: this.#context.now(),
      }),
    );
    if (!done) return null;
    this.modelName = done.version.modelName;
    this.message = `Registered run "${run.name}" as version ${done.version.version} of "${done.version.modelName}".`;
    return done.version;
  }

  /** Moves a version to another stage; a blocked attempt sets `blocked` (and is recorded in the history). */
  async move(version: ModelVersion, to: Stage, options: MoveOptions): Promise<boolean> {
    const done = await this.#act(() =>
      transition(this.#context.store, {
        modelName: version.modelName,
        version: version.version,
        to,
        reason: options.reason,
        approval: options.approval ?? null,
        acknowledgeSignatureChange: options.acknowledgeSignatureChange ?? false,
        actor: this.#context.actor(),
        now: this.#context.now(),
      }),
    );
    if (!done) return false;
    if (done.blocked) {
      this.blocked = { versionId: version.id, to, failedGates: done.failedGates };
      this.message = null;
      return false;
    }
    const archived = done.archived ? ` Version ${done.archived.version} was archived.` : '';
    this.message = `Moved version ${version.version} of "${version.modelName}" from ${version.stage} to ${to}.${archived}`;
    return true;
  }

  /** Replaces the promotion gates of the model on show. */
  async saveGates(gates: PromotionGates): Promise<boolean> {
    const name = this.modelName;
    if (!name) return false;
    const done = await this.#act(() =>
      setGates(this.#context.store, { modelName: name, gates, actor: this.#context.actor(), now: this.#context.now() }),
    );
    if (done) this.message = `Saved the promotion gates of "${name}".`;
    return done !== null;
  }

  /** Sets a version's aliases (an alias held by another version moves here). */
  async saveAliases(version: ModelVersion, aliases: string[]): Promise<boolean> {
    const done = await this.#act(() =>
      setAliases(this.#context.store, {
        modelName: version.modelName,
        version: version.version,
        aliases,
        actor: this.#context.actor(),
        now: this.#context.now(),
      }),
    );
    if (done) {
      const moved = done.movedFrom.map((m) => ` "${m.alias}" moved from version ${m.version}.`).join('');
      this.message = `Version ${version.version} now has ${aliases.length ? `aliases ${aliases.join(', ')}` : 'no aliases'}.${moved}`;
    }
    return done !== null;
  }

  /** Replaces a version's description and tags. */
  async saveDetails(version: ModelVersion, description: string, tags: Record<string, string>): Promise<boolean> {
    const done = await this.#act(() =>
      updateVersionDetails(this.#context.store, {
        modelName: version.modelName,
        version: version.version,
        description,
        tags,
        actor: this.#context.actor(),
        now: this.#context.now(),
      }),
    );
    if (done) this.message = `Saved the description and tags of version ${version.version}.`;
    return done !== null;
  }

  /** Saves the editable parts of a version's model card. */
  async saveCard(version: ModelVersion, intendedUse: string, limitations: string): Promise<boolean> {
    const done = await this.#act(() =>
      updateCard(this.#context.store, {
        modelName: version.modelName,
        version: version.version,
        intendedUse,
        limitations,
        actor: this.#context.actor(),
        now: this.#context.now(),
      }),
    );
    if (done) this.message = `Saved the model card of version ${version.version}.`;
    return done !== null;
  }

  select(modelName: string): void {
    this.modelName = modelName;
    this.shownId = null;
    this.blocked = null;
    this.selected = [];
  }

  /** Opens a version's details (and its model), e.g. from the lineage graph. */
  show(id: string | null): void {
    const version = this.byId(id);
    if (version && version.modelName !== this.modelName) this.select(version.modelName);
    this.shownId = version ? version.id : null;
  }

  toggle(id: string, on: boolean): void {
    this.selected = on ? [...this.selected.filter((s) => s !== id), id] : this.selected.filter((s) => s !== id);
  }

  /** Moves the time slider; the last stop (or `null`) is now. */
  travel(index: number | null): void {
    this.momentIndex = index === null || index >= this.moments.length - 1 ? null : Math.max(0, index);
  }

  byId(id: string | null): ModelVersion | undefined {
    return id ? this.snapshot.versions.find((v) => v.id === id) : undefined;
  }

  dismissError(): void {
    this.error = null;
  }

  dismissBlocked(): void {
    this.blocked = null;
  }

  /** Shows a message that is not from an action (e.g. an incomplete form). */
  refuse(message: string): void {
    this.error = message;
  }

  #versionsAt(moment: string | null): ModelVersion[] {
    if (!this.modelName) return [];
    const all = moment === null ? this.snapshot.versions : registryAt(this.snapshot, moment).versions;
    return all.filter((v) => v.modelName === this.modelName).sort((a, b) => b.version - a.version);
  }

  async #act<T>(call: () => Promise<T>): Promise<T | null> {
    if (this.busy) {
      this.error = 'Another registry action is still running. Wait for it to finish, then try again.';
      return null;
    }
    this.busy = true;
    this.error = null;
    this.blocked = null;
    this.message = null;
    const outcome = await runThrowing(call);
    this.busy = false;
    if (!outcome.ok) {
      // Nothing was written, but the refusal may be a conflict with a change made elsewhere: show the registry as stored.
      await this.refresh();
      this.error = outcome.message;
      return null;
    }
    // Every registry action commits its records and its audit event (a blocked promotion too).
    await this.#context.changes.notify('registry', 'audit');
    return outcome.value;
  }
}
