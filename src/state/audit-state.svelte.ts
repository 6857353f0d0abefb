/**
 * The audit log as the UI shows it: every event, newest first.
 */
import type { AuditEvent } from '../core/audit/audit-event.ts';
import { workspaceStore } from './services.ts';
import { runThrowing } from './run-result.ts';

export class AuditState {
  /** Newest first. */
  events = $state.raw<AuditEvent[]>([]);
  error = $state<string | null>(null);

  /** Rereads the log from storage. */
  async refresh(): Promise<void> {
    const outcome = await runThrowing(() => workspaceStore().listAudit());
    if (!outcome.ok) {
      this.error = outcome.message;
      return;
    }
    this.error = null;
    this.events = [...outcome.value].sort((a, b) => b.seq - a.seq);
  }
}

/** The app's one audit log view. */
export const audit = new AuditState();
