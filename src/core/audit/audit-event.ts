import type { RecordBinding } from './record-binding.ts';
import type { AuditEventData } from './event-data.ts';

export type { AuditEventData };

/** Dotted event name, e.g. `dataset.version_saved`, `model.stage_changed`. */
export type AuditEventType = keyof AuditEventData;

/** What each event type means, in words, in the order the lifecycle meets them (for filters and lists). */
export const AUDIT_EVENT_LABELS: Readonly<Record<AuditEventType, string>> = {
  'dataset.version_saved': 'Dataset version saved',
  'column.type_overridden': 'Column type changed',
  'column.role_changed': 'Column role changed',
  'run.started': 'Run started',
  'run.completed': 'Run completed',
  'run.failed': 'Run failed',
  'run.cancelled': 'Run cancelled',
  'model.registered': 'Model version registered',
  'model.imported': 'Model version imported',
  'model.updated': 'Model description edited',
  'model.version_updated': 'Model version edited',
  'model.card_updated': 'Model card edited',
  'model.aliases_set': 'Aliases set',
  'model.gates_set': 'Promotion gates set',
  'model.promotion_blocked': 'Promotion blocked',
  'model.stage_changed': 'Stage changed',
  'deployment.deployed': 'Version deployed',
  'deployment.blocked': 'Deploy blocked',
  'deployment.rolled_back': 'Deployment rolled back',
  'deployment.simulated': 'Rollout replayed',
  'monitor.policy_set': 'Monitoring policy set',
  'monitor.traffic_replayed': 'Traffic replayed for monitoring',
  'monitor.alert_raised': 'Alert raised',
  'retraining.started': 'Retraining started',
  'retraining.finished': 'Retraining finished',
  'retraining.failed': 'Retraining failed',
  'features.applied': 'Feature definitions applied',
  'features.materialized': 'Features materialized',
  'workspace.erased': 'Workspace erased',
  'audit.records_adopted': 'Older records bound to the audit chain',
};

/** Every event type (the label record above makes the list complete). */
export const AUDIT_EVENT_TYPES = Object.keys(AUDIT_EVENT_LABELS) as AuditEventType[];

/** An event of type `T` before it is sealed into the chain. */
export interface AuditDraftOf<T extends AuditEventType> {
  /** ISO 8601. */
  at: string;
  actor: string;
  type: T;
  /** What the event is about, e.g. a dataset version id. */
  subject: string;
  /** Small, JSON-serialisable details. */
  data: AuditEventData[T];
}

/** The fields the chain adds when it seals a draft. */
interface ChainFields {
  /** 1, 2, 3… in append order. */
  seq: number;
  /** `hash` of the previous event; 64 zeros for the first. */
  prevHash: string;
  /**
   * SHA-256 (hex) of the canonical JSON of every other field, `prevHash`
   * included, so editing, deleting or reordering any event breaks the chain
   * from that point on.
   */
  hash: string;
  /**
   * The records and blobs this event wrote, each with its digest
   * (record-binding.ts); `[]` when it wrote none. Absent on events written
   * before record binding, which hash as they always did.
   */
  records?: RecordBinding[];
}

/** An event before it is sealed into the chain; built by the builders under `events/`. */
export type AuditDraft = { [T in AuditEventType]: AuditDraftOf<T> }[AuditEventType];

/** One entry of the append-only, hash-chained audit log, discriminated by `type`. */
export type AuditEvent = { [T in AuditEventType]: AuditDraftOf<T> & ChainFields }[AuditEventType];

/** A sealed event of type `T`. */
export type AuditEventOf<T extends AuditEventType> = Extract<AuditEvent, { type: T }>;

/** Whether `type` is a known event type (a stored log may hold anything). */
export function isAuditEventType(type: string): type is AuditEventType {
  return Object.hasOwn(AUDIT_EVENT_LABELS, type);
}

export const GENESIS_HASH = '0'.repeat(64);
