import { GENESIS_HASH, type AuditEvent } from './audit-event.ts';
import { eventHash } from './chain.ts';

/** What {@link verifyChain} found: the whole chain holds, or where it first breaks and why. */
export type ChainVerification =
  { ok: true; count: number; head: string } | { ok: false; brokenAt: number; reason: string };

/**
 * Verifies an audit log, given in append order: seq runs 1, 2, 3… with no
 * gap, each event's prevHash is the previous event's hash (GENESIS_HASH for
 * the first, which after an erase is the `workspace.erased` genesis event),
 * and every hash matches its event's content.
 *
 * On failure `brokenAt` is the seq of the first event that does not hold
 * (for a deleted event, the missing seq) and `reason` says what happened.
 * Removing events from the *end* leaves a valid, shorter chain: compare
 * `head` with a head recorded elsewhere (an export, a genesis event's
 * `previousHead`) to catch that.
 *
 * @example
 * const result = verifyChain(await store.listAudit());
 * if (!result.ok) console.warn(`audit log broken at event ${result.brokenAt}: ${result.reason}`);
 */
export function verifyChain(events: readonly AuditEvent[]): ChainVerification {
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    const expected = i + 1;
    if (event.seq !== expected) return seqBreak(events, i);
    if (event.prevHash !== prevHash) {
      const reason =
        i === 0
          ? `event 1 does not start from the genesis hash: the events before it were removed or its prevHash was edited`
          : `event ${expected}'s prevHash does not match the hash of event ${expected - 1}: event ${expected - 1} was changed after this one was written, or this link was edited`;
      return { ok: false, brokenAt: expected, reason };
    }
    let actual: string;
    try {
      actual = eventHash(event);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        brokenAt: expected,
        reason: `event ${expected} cannot be hashed (${why}): it was edited or corrupted`,
      };
    }
    if (actual !== event.hash) {
      return {
        ok: false,
        brokenAt: expected,
        reason: `event ${expected} was edited: its content no longer matches its hash`,
      };
    }
    prevHash = event.hash;
  }
  return { ok: true, count: events.length, head: prevHash };
}

/** Explains why position `i` does not hold seq i + 1: that event is gone, or it sits elsewhere. */
function seqBreak(events: readonly AuditEvent[], i: number): ChainVerification {
  const expected = i + 1;
  const found = events[i].seq;
  if (!Number.isInteger(found)) {
    return {
      ok: false,
      brokenAt: expected,
      reason: `the event at position ${expected} has no valid seq (${String(found)}): it was edited or corrupted`,
    };
  }
  if (!events.some((e) => e.seq === expected)) {
    const reason =
      found > expected
        ? `event ${expected} is missing: it was deleted (the log jumps from ${expected - 1} to ${found})`
        : `event ${expected} is missing and event ${found} appears again in its place: events were deleted or duplicated`;
    return { ok: false, brokenAt: expected, reason };
  }
  return {
    ok: false,
    brokenAt: expected,
    reason: `events are out of order: event ${found} sits where event ${expected} belongs (reordered or duplicated)`,
  };
}
