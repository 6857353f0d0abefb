import type { IDBPTransaction } from 'idb';
import type { AuditDraft, AuditEvent } from '../../core/audit/audit-event.ts';
import { sealEvent } from '../../core/audit/chain.ts';
import { bindBlob, bindRecord, needsAdoption, type RecordBinding } from '../../core/audit/record-binding.ts';
import { adoptionDraft } from '../../core/audit/events/adoption-events.ts';
import type { WorkbenchDbSchema } from './schema.ts';
import { recordKeyOf } from '../../core/ports.ts';

/**
 * Every store a write touches. Each write transaction spans them all: it
 * may have to adopt every record (below), and writes queue on the `audit`
 * store anyway, so a wider scope costs no concurrency.
 */
export const WRITE_STORES = [
  'datasetVersions',
  'runs',
  'models',
  'modelVersions',
  'stageTransitions',
  'deployments',
  'predictionLogs',
  'monitorPolicies',
  'alerts',
  'retrainings',
  'featureEntities',
  'featureViews',
  'featureServices',
  'onlineFeatures',
  'blobs',
  'audit',
] as const;

type WriteTx = IDBPTransaction<WorkbenchDbSchema, typeof WRITE_STORES, 'readwrite'>;

/**
 * Seals `draft` with its record bindings after the chain's head, inside
 * `tx`, and issues its write. When the head predates record binding (a
 * database written by an earlier version), an `audit.records_adopted` event
 * binding every stored record and blob is written first. Only IndexedDB is
 * awaited, so the transaction stays open.
 */
export async function appendSealed(
  tx: WriteTx,
  draft: AuditDraft,
  records: RecordBinding[],
  write: (request: Promise<unknown>) => void,
): Promise<AuditEvent> {
  const audit = tx.objectStore('audit');
  let prev = (await audit.openCursor(null, 'prev'))?.value ?? null;
  if (needsAdoption(prev)) {
    const all = await bindAll(tx);
    const adoption = sealEvent(prev, adoptionDraft(draft.at, draft.actor, all), all);
    write(audit.add(adoption));
    prev = adoption;
  }
  const sealed = sealEvent(prev, draft, records);
  write(audit.add(sealed));
  return sealed;
}

async function bindAll(tx: WriteTx): Promise<RecordBinding[]> {
  const [versions, runs, models, modelVersions, transitions, deployments, logs, policies, alerts, retrainings, blobs] =
    await Promise.all([
      tx.objectStore('datasetVersions').getAll(),
      tx.objectStore('runs').getAll(),
      tx.objectStore('models').getAll(),
      tx.objectStore('modelVersions').getAll(),
      tx.objectStore('stageTransitions').getAll(),
      tx.objectStore('deployments').getAll(),
      tx.objectStore('predictionLogs').getAll(),
      tx.objectStore('monitorPolicies').getAll(),
      tx.objectStore('alerts').getAll(),
      tx.objectStore('retrainings').getAll(),
      tx.objectStore('blobs').getAllKeys(),
    ]);
  return [
    ...versions.map((v) => bindRecord('datasetVersions', v.id, v)),
    ...runs.map((r) => bindRecord('runs', r.id, r)),
    ...models.map((m) => bindRecord('models', m.name, m)),
    ...modelVersions.map((v) => bindRecord('modelVersions', v.id, v)),
    ...transitions.map((t) => bindRecord('stageTransitions', t.id, t)),
    ...deployments.map((d) => bindRecord('deployments', d.id, d)),
    ...logs.map((b) => bindRecord('predictionLogs', b.id, b)),
    ...policies.map((m) => bindRecord('monitorPolicies', m.modelName, m)),
    ...alerts.map((a) => bindRecord('alerts', a.id, a)),
    ...retrainings.map((r) => bindRecord('retrainings', r.id, r)),
    ...(await bindFeatureRecords(tx)),
    ...blobs.map(bindBlob),
  ];
}

async function bindFeatureRecords(tx: WriteTx): Promise<RecordBinding[]> {
  const kinds = ['featureEntities', 'featureViews', 'featureServices', 'onlineFeatures'] as const;
  const all = await Promise.all(kinds.map((kind) => tx.objectStore(kind).getAll()));
  return kinds.flatMap((kind, i) => all[i].map((value) => bindRecord(kind, recordKeyOf(kind, value), value)));
}
