import { applyDefinitions, type ApplyResult } from '../core/features/definitions/apply-definitions.ts';
import { parseDefinitions } from '../core/features/definitions/parse-definitions.ts';
import { runThrowing, type Outcome } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

/** Where the app's applies come from, as the audit event's subject says. */
export const APPLY_ORIGIN = 'Features view';

/**
 * Validates and stores definitions made in the Features view, shaped as a
 * features.json, through the same core path (and audit event) as the CLI's
 * `features apply`. Errors are values.
 */
export function applyInApp(context: WorkspaceContext, json: unknown): Promise<Outcome<ApplyResult>> {
  return runThrowing(() =>
    applyDefinitions(context.store, parseDefinitions(json), {
      actor: context.actor(),
      now: Date.parse(context.now()),
      origin: APPLY_ORIGIN,
    }),
  );
}
