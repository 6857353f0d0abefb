import type { AuditDraftOf } from '../audit-event.ts';
import type { EventHead } from './event-head.ts';

/**
 * What the app hands the store to erase a workspace: a `workspace.erased`
 * draft without the facts only the store knows (how many events it erased
 * and the head of the chain it cut), which the store adds with
 * {@link erasureGenesis} before sealing the first event of the new chain.
 */
export type ErasureRequest = Omit<AuditDraftOf<'workspace.erased'>, 'data'> & { data: Record<string, never> };

/** The request to erase the whole workspace, made by `head.actor` at `head.at`. */
export function workspaceErased(head: EventHead): ErasureRequest {
  return { at: head.at, actor: head.actor, type: 'workspace.erased', subject: 'workspace', data: {} };
}

/** The genesis event of the chain that follows an erase. */
export function erasureGenesis(
  request: ErasureRequest,
  erased: { erasedEvents: number; previousHead: string },
): AuditDraftOf<'workspace.erased'> {
  return {
    ...request,
    data: { ...request.data, erasedEvents: erased.erasedEvents, previousHead: erased.previousHead },
  };
}
