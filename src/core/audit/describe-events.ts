import type { AuditEvent } from './audit-event.ts';

/** An event in words: what it is about by name, and its gist. */
export interface EventDescription {
  /** e.g. `run "forest #1"`, `churn v3`, `dataset "iris" (3f2a…)`. */
  subject: string;
  /** e.g. `Staging → Production · approved by bo: “checked the card”`; '' when the type says it all. */
  summary: string;
}

const VERSION_ID = /^(.+)@(\d+)$/;
const short = (id: string) => id.slice(0, 12);

/**
 * Describes each event for people: ids become the names the log itself
 * recorded (a run's name from `run.started`, a dataset's from
 * `dataset.version_saved`, `name@3` as "name v3"), stage changes read from →
 * to with their approver and comment. Reads nothing but the events.
 *
 * @returns descriptions by event `seq`
 */
export function describeEvents(events: readonly AuditEvent[]): Map<number, EventDescription> {
  const runs = new Map<string, string>();
  const datasets = new Map<string, string>();
  for (const event of events) {
    if (event.type === 'run.started' || event.type === 'run.completed' || event.type === 'run.cancelled')
      runs.set(event.subject, event.data.name);
    if (event.type === 'dataset.version_saved') datasets.set(event.subject, event.data.name);
  }
  const dataset = (id: string) => (datasets.has(id) ? `dataset "${datasets.get(id)}" (${short(id)})` : short(id));
  const run = (id: string) => (runs.has(id) ? `run "${runs.get(id)}"` : `run ${short(id)}`);
  return new Map(events.map((event) => [event.seq, describe(event, { run, dataset })]));
}

interface Names {
  run(id: string): string;
  dataset(id: string): string;
}

function describe(event: AuditEvent, names: Names): EventDescription {
  switch (event.type) {
    case 'dataset.version_saved': {
      const d = event.data;
      const parent = d.parentId ? ` · next version of ${names.dataset(d.parentId)}` : '';
      return {
        subject: names.dataset(event.subject),
        summary: `${d.rowCount} rows × ${d.columnCount} columns${parent}`,
      };
    }
    case 'run.started':
      return {
        subject: names.run(event.subject),
        summary: `${event.data.model} on ${names.dataset(event.data.datasetVersionId)}, seed ${event.data.seed}`,
      };
    case 'run.completed':
    case 'run.cancelled':
      return { subject: names.run(event.subject), summary: event.data.model };
    case 'run.failed':
      return { subject: names.run(event.subject), summary: event.data.reason };
    case 'column.type_overridden':
    case 'column.role_changed':
      return { subject: event.subject, summary: `${event.data.from ?? '(none)'} → ${event.data.to}` };
    case 'model.stage_changed': {
      const d = event.data;
      const approval = d.approver ? ` · approved by ${d.approver}${d.comment ? `: “${d.comment}”` : ''}` : '';
      const archived = d.archivedVersion !== null ? ` · archived v${d.archivedVersion}` : '';
      return {
        subject: versionName(event.subject),
        summary: `${d.from} → ${d.to}${approval}${archived}${reason(d.reason)}`,
      };
    }
    case 'model.promotion_blocked': {
      const d = event.data;
      const gates = d.failedGates.map((g) => g.gate).join(', ');
      return {
        subject: versionName(event.subject),
        summary: `${d.from} → ${d.to} blocked by ${gates}${reason(d.reason)}`,
      };
    }
    case 'model.registered':
    case 'model.imported':
    case 'model.version_updated':
    case 'model.card_updated':
    case 'model.aliases_set':
      return { subject: versionName(event.subject), summary: '' };
    default:
      return { subject: readableId(event.subject), summary: '' };
  }
}

/** `churn@3` → `churn v3`. */
function versionName(id: string): string {
  const match = VERSION_ID.exec(id);
  return match ? `${match[1]} v${match[2]}` : id;
}

/** A content hash shortened; anything else as it is. */
function readableId(subject: string): string {
  return /^[0-9a-f]{64}$/.test(subject) ? short(subject) : subject;
}

function reason(text: string): string {
  return text ? ` · “${text}”` : '';
}
