import type { AuditDraftOf, AuditEventData } from '../audit-event.ts';
import { draftOf, type EventHead } from './event-head.ts';

// Deployments and rollouts: the serving plans compute the payloads; these give them their type and subject.

/** `deployment.deployed` (subject: the new deployment's id). */
export function deploymentDeployed(
  head: EventHead,
  deploymentId: string,
  data: AuditEventData['deployment.deployed'],
): AuditDraftOf<'deployment.deployed'> {
  return draftOf(head, 'deployment.deployed', deploymentId, data);
}

/** `deployment.blocked` (subject: `name@n→env`). */
export function deploymentBlocked(
  head: EventHead,
  attempt: string,
  data: AuditEventData['deployment.blocked'],
): AuditDraftOf<'deployment.blocked'> {
  return draftOf(head, 'deployment.blocked', attempt, data);
}

/** `deployment.rolled_back` (subject: the deployment rolled back). */
export function deploymentRolledBack(
  head: EventHead,
  deploymentId: string,
  data: AuditEventData['deployment.rolled_back'],
): AuditDraftOf<'deployment.rolled_back'> {
  return draftOf(head, 'deployment.rolled_back', deploymentId, data);
}

/** `deployment.simulated` (subject: the replay's prediction log id). */
export function deploymentSimulated(
  head: EventHead,
  logId: string,
  data: AuditEventData['deployment.simulated'],
): AuditDraftOf<'deployment.simulated'> {
  return draftOf(head, 'deployment.simulated', logId, data);
}
