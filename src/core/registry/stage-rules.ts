import { WorkbenchError } from '../errors.ts';
import { STAGES, type Stage } from './registry-types.ts';

/**
 * Whether a version may move from one stage to another: any non-Archived
 * stage to any other stage; an Archived version only back to Development,
 * so a retired model re-enters through the same gates as a new one.
 */
export function isAllowedMove(from: Stage, to: Stage): boolean {
  if (from === to) return false;
  return from === 'Archived' ? to === 'Development' : true;
}

/** Throws `registry.bad_stage` or `registry.forbidden_transition` unless the move is allowed. */
export function checkMove(versionLabel: string, from: Stage, to: Stage): void {
  if (!(STAGES as readonly string[]).includes(to)) {
    throw new WorkbenchError('registry.bad_stage', `"${to}" is not a stage. Use one of ${STAGES.join(', ')}.`);
  }
  if (from === to) {
    throw new WorkbenchError(
      'registry.forbidden_transition',
      `${versionLabel} is already in ${to}. Pick another stage.`,
    );
  }
  if (!isAllowedMove(from, to)) {
    throw new WorkbenchError(
      'registry.forbidden_transition',
      `${versionLabel} is Archived and can only move back to Development. Move it to Development first, then promote it from there.`,
    );
  }
}
