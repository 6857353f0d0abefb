/**
 * The audit log as the UI shows it: every event, newest first, filtered by
 * type, actor and free text; chain verification; export as JSON Lines.
 */
import type { AuditEvent } from '../core/audit/audit-event.ts';
import { verifyStore, type StoreVerification } from '../core/audit/verify-store.ts';
import { runThrowing } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';
import { describeEvents, type EventDescription } from '../core/audit/describe-events.ts';

/** Events matching a type, an actor (empty = any) and a text found in any field. */
export function filterEvents(
  events: readonly AuditEvent[],
  filter: { type: string; actor: string; text: string },
  descriptions: ReadonlyMap<number, EventDescription> = new Map(),
): AuditEvent[] {
  const text = filter.text.trim().toLowerCase();
  return events.filter(
    (e) =>
      (!filter.type || e.type === filter.type) &&
      (!filter.actor || e.actor === filter.actor) &&
      (!text ||
        [
          e.type,
          e.actor,
          e.subject,
          e.at,
          String(e.seq),
          JSON.stringify(e.data),
          descriptions.get(e.seq)?.subject ?? '',
          descriptions.get(e.seq)?.summary ?? '',
        ].some((field) => field.toLowerCase().includes(text))),
  );
}

export class AuditState {
  /** Newest first. */
  events = $state.raw<AuditEvent[]>([]);
  error = $state<string | null>(null);
  typeFilter = $state('');
  actorFilter = $state('');
  search = $state('');
  /** The last verification of the chain and the records it binds; `null` until run (or after the log changed). */
  verification = $state.raw<StoreVerification | null>(null);

  readonly types = $derived([...new Set(this.events.map((e) => e.type))].sort());
  readonly actors = $derived([...new Set(this.events.map((e) => e.actor))].sort());
  /** Each event in words (names instead of ids, from → to), by seq. */
  readonly descriptions = $derived(describeEvents(this.events));
  readonly shown = $derived(
    filterEvents(this.events, { type: this.typeFilter, actor: this.actorFilter, text: this.search }, this.descriptions),
  );
  /** Events whose full payload is shown, by seq. */
  expanded = $state<number[]>([]);

  /** Shows or hides one event's full payload. */
  toggle(seq: number): void {
    this.expanded = this.expanded.includes(seq) ? this.expanded.filter((s) => s !== seq) : [...this.expanded, seq];
  }

  readonly #context: WorkspaceContext;

  constructor(context: WorkspaceContext) {
    this.#context = context;
    context.changes.subscribe(['audit'], () => this.refresh());
  }

  /** Rereads the log from storage. */
  async refresh(): Promise<void> {
    const outcome = await runThrowing(() => this.#context.store.listAudit());
    if (!outcome.ok) {
      this.error = outcome.message;
      return;
    }
    this.error = null;
    const head = this.events[0]?.hash;
    this.events = [...outcome.value].sort((a, b) => b.seq - a.seq);
    // A verification is about the log as it was: drop it once the log has grown.
    if (this.events[0]?.hash !== head) this.verification = null;
  }

  /**
   * Rereads the log, recomputes every hash and compares the records with
   * what the events wrote; `verification` names the first broken event or
   * altered record, if any.
   */
  async verify(): Promise<void> {
    const store = this.#context.store;
    const outcome = await runThrowing(async () => ({
      events: await store.listAudit(),
      result: await verifyStore(store),
    }));
    if (!outcome.ok) {
      this.error = outcome.message;
      return;
    }
    this.error = null;
    this.events = [...outcome.value.events].sort((a, b) => b.seq - a.seq);
    this.verification = outcome.value.result;
  }

  /** Downloads every event, oldest first, one JSON object per line. */
  exportJsonLines(): void {
    const lines = [...this.events].sort((a, b) => a.seq - b.seq).map((e) => JSON.stringify(e));
    this.#context.files.download(
      'audit-log.jsonl',
      lines.length ? `${lines.join('\n')}\n` : '',
      'application/x-ndjson',
    );
  }

  clearFilters(): void {
    this.typeFilter = '';
    this.actorFilter = '';
    this.search = '';
  }
}
