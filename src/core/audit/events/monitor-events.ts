import type { AuditDraftOf, AuditEventData } from '../audit-event.ts';
import { draftOf, type EventHead } from './event-head.ts';

// Monitoring and retraining: the monitor's services compute the payloads; these give them their type and subject.

/** `monitor.policy_set` (subject: the model name). */
export function monitorPolicySet(
  head: EventHead,
  modelName: string,
  data: AuditEventData['monitor.policy_set'],
): AuditDraftOf<'monitor.policy_set'> {
  return draftOf(head, 'monitor.policy_set', modelName, data);
}

/** `monitor.traffic_replayed` (subject: the prediction log id). */
export function monitorTrafficReplayed(
  head: EventHead,
  logId: string,
  data: AuditEventData['monitor.traffic_replayed'],
): AuditDraftOf<'monitor.traffic_replayed'> {
  return draftOf(head, 'monitor.traffic_replayed', logId, data);
}

/** `monitor.alert_raised` (subject: the alert id). */
export function monitorAlertRaised(
  head: EventHead,
  alertId: string,
  data: AuditEventData['monitor.alert_raised'],
): AuditDraftOf<'monitor.alert_raised'> {
  return draftOf(head, 'monitor.alert_raised', alertId, data);
}

/** `retraining.started` (subject: the retraining id). */
export function retrainingStarted(
  head: EventHead,
  retrainingId: string,
  data: AuditEventData['retraining.started'],
): AuditDraftOf<'retraining.started'> {
  return draftOf(head, 'retraining.started', retrainingId, data);
}

/** `retraining.finished` (subject: the retraining id). */
export function retrainingFinished(
  head: EventHead,
  retrainingId: string,
  data: AuditEventData['retraining.finished'],
): AuditDraftOf<'retraining.finished'> {
  return draftOf(head, 'retraining.finished', retrainingId, data);
}

/** `retraining.failed` (subject: the retraining id). */
export function retrainingFailed(
  head: EventHead,
  retrainingId: string,
  data: AuditEventData['retraining.failed'],
): AuditDraftOf<'retraining.failed'> {
  return draftOf(head, 'retraining.failed', retrainingId, data);
}
