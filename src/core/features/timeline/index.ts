/** The per-entity timeline of a point-in-time join: which feature row each training row got, and why. */
export { entityTimeline } from './entity-timeline.ts';
export { timelineFromJoin } from './from-join.ts';
export { keyCodes, keyCodesFromTexts, type TimelineKeys } from './key-codes.ts';
export { missStatus, PICK_STATUS_TEXT } from './pick-status.ts';
export { timelineEntities, type TimelineEntities } from './timeline-entities.ts';
export type { TimelineInput, TimelineViewInput } from './timeline-input.ts';
export type * from './timeline-types.ts';
