/**
 * The prediction log as the Prediction log panel shows it: every replay
 * (from its `deployment.simulated` audit event) with its strategy, versions
 * and decision; the entries of the replay on show, a page at a time; and
 * the CSV export. It is read from the workspace, so it survives reloads.
 */
import type { AuditEventOf } from '../core/audit/audit-event.ts';
import { predictionLogCsv } from '../core/serving/replay/prediction-log-csv.ts';
import type { LogEntry } from '../core/serving/replay/prediction-log.ts';
import { readReplayLog } from '../core/serving/replay/read-prediction-log.ts';
import { runThrowing } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

/** One replay's log, as listed. */
export interface ReplayLogSummary {
  logId: string;
  at: string;
  actor: string;
  strategy: string;
  stable: string;
  candidate: string;
  decision: string;
  requests: number;
  /** Whether the decision was acted on (null for replays recorded before dry runs existed). */
  applied: boolean | null;
  /** Stored batches of its log. */
  logBatches: number;
}

export const LOG_PAGE = 100;

export class PredictionLogState {
  replays = $state.raw<ReplayLogSummary[]>([]);
  logId = $state<string | null>(null);
  entries = $state.raw<LogEntry[]>([]);
  /** First entry of the page on show. */
  offset = $state(0);
  /** Show only served answers (hide shadow answers). */
  servedOnly = $state(false);
  loaded = $state(false);
  error = $state<string | null>(null);

  readonly shownEntries = $derived(this.servedOnly ? this.entries.filter((e) => e.served) : this.entries);
  readonly page = $derived(this.shownEntries.slice(this.offset, this.offset + LOG_PAGE));
  readonly replay = $derived(this.replays.find((r) => r.logId === this.logId) ?? null);

  readonly #context: WorkspaceContext;

  constructor(context: WorkspaceContext) {
    this.#context = context;
    context.changes.subscribe(['audit'], () => this.refresh());
  }

  /** Rereads the list of replays (newest first) and the log on show. */
  async refresh(): Promise<void> {
    const outcome = await runThrowing(() => this.#context.store.listAudit());
    if (!outcome.ok) {
      this.error = outcome.message;
      return;
    }
    this.replays = outcome.value
      .filter((e): e is AuditEventOf<'deployment.simulated'> => e.type === 'deployment.simulated')
      .map((e) => ({
        logId: e.subject,
        at: e.at,
        actor: e.actor,
        strategy: e.data.strategy,
        stable: e.data.stable,
        candidate: e.data.candidate,
        decision: e.data.decision,
        requests: e.data.requests,
        applied: e.data.applied ?? null,
        logBatches: e.data.logBatches,
      }))
      .reverse();
    this.loaded = true;
    const keep = this.replays.some((r) => r.logId === this.logId) ? this.logId : (this.replays[0]?.logId ?? null);
    await this.show(keep);
  }

  /** Shows one replay's log from its first entry. */
  async show(logId: string | null): Promise<void> {
    if (logId !== this.logId) this.offset = 0;
    this.logId = logId;
    if (logId === null) {
      this.entries = [];
      return;
    }
    const batches = this.replays.find((r) => r.logId === logId)?.logBatches ?? 0;
    const outcome = await runThrowing(() => readReplayLog(this.#context.store, logId, batches));
    if (!outcome.ok) {
      this.error = outcome.message;
      return;
    }
    this.error = null;
    this.entries = outcome.value;
  }

  /** Moves the page by `pages` (negative = back), within the log. */
  turn(pages: number): void {
    const last = Math.max(0, Math.floor((this.shownEntries.length - 1) / LOG_PAGE) * LOG_PAGE);
    this.offset = Math.min(last, Math.max(0, this.offset + pages * LOG_PAGE));
  }

  /** Downloads the log on show as CSV (every entry, shadow answers included). */
  exportCsv(): void {
    if (!this.logId) return;
    this.#context.files.download(`${this.logId}.csv`, predictionLogCsv(this.entries), 'text/csv');
  }
}
