import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, type AuditEvent } from '../../../src/core/audit/audit-event.ts';
import { eventHash, sealEvent } from '../../../src/core/audit/chain.ts';
import { verifyChain } from '../../../src/core/audit/verify-chain.ts';
import { modelUpdated } from '../../../src/core/audit/events/registry-events.ts';

/** A valid chain of `n` events, seq 1..n. */
function chain(n: number): AuditEvent[] {
  const events: AuditEvent[] = [];
  for (let i = 0; i < n; i++) {
    const draft = modelUpdated({ at: `2024-01-0${(i % 9) + 1}T00:00:00.000Z`, actor: 'tester' }, `s${i + 1}`, `${i}`);
    events.push(sealEvent(events.at(-1) ?? null, draft));
  }
  return events;
}

const rehash = (event: AuditEvent): AuditEvent => ({ ...event, hash: eventHash(event) });

describe('verifyChain', () => {
  it('accepts a valid chain and reports its count and head', () => {
    const events = chain(5);
    expect(verifyChain(events)).toEqual({ ok: true, count: 5, head: events[4].hash });
  });

  it('accepts an empty log, whose head is the genesis hash', () => {
    expect(verifyChain([])).toEqual({ ok: true, count: 0, head: GENESIS_HASH });
  });

  it('accepts a chain that starts with a workspace.erased genesis event', () => {
    const genesis = sealEvent(null, {
      at: '2024-02-01T00:00:00.000Z',
      actor: 'tester',
      type: 'workspace.erased',
      subject: '',
      data: { erasedEvents: 5, previousHead: chain(5)[4].hash },
    });
    const next = sealEvent(genesis, modelUpdated({ at: '2024-02-01T00:00:01.000Z', actor: 'tester' }, 'm', ''));
    expect(verifyChain([genesis, next])).toEqual({ ok: true, count: 2, head: next.hash });
  });

  it('detects an edited event by its seq', () => {
    const events = chain(5);
    events[2] = { ...events[2], data: { description: '99' } } as AuditEvent;
    const result = verifyChain(events);
    expect(result).toMatchObject({ ok: false, brokenAt: 3 });
    expect(!result.ok && result.reason).toMatch(/event 3 was edited/);
  });

  it('detects an edit whose hash was recomputed at the next link', () => {
    const events = chain(5);
    events[2] = rehash({ ...events[2], actor: 'mallory' });
    const result = verifyChain(events);
    expect(result).toMatchObject({ ok: false, brokenAt: 4 });
    expect(!result.ok && result.reason).toMatch(/does not match the hash of event 3/);
  });

  it('detects a deleted event and names the missing seq', () => {
    const events = chain(5);
    events.splice(1, 1);
    const result = verifyChain(events);
    expect(result).toMatchObject({ ok: false, brokenAt: 2 });
    expect(!result.ok && result.reason).toMatch(/event 2 is missing: it was deleted \(the log jumps from 1 to 3\)/);
  });

  it('detects a deleted first event', () => {
    const result = verifyChain(chain(3).slice(1));
    expect(result).toMatchObject({ ok: false, brokenAt: 1 });
    expect(!result.ok && result.reason).toMatch(/event 1 is missing/);
  });

  it('detects two reordered events', () => {
    const events = chain(5);
    [events[2], events[3]] = [events[3], events[2]];
    const result = verifyChain(events);
    expect(result).toMatchObject({ ok: false, brokenAt: 3 });
    expect(!result.ok && result.reason).toMatch(/out of order: event 4 sits where event 3 belongs/);
  });

  it('detects reordering even when seq numbers were swapped and hashes recomputed', () => {
    const events = chain(5);
    const [third, fourth] = [events[2], events[3]];
    events[2] = rehash({ ...fourth, seq: 3 });
    events[3] = rehash({ ...third, seq: 4 });
    expect(verifyChain(events)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('detects a changed prevHash, with or without a recomputed hash', () => {
    const edited = chain(5);
    edited[3] = { ...edited[3], prevHash: edited[1].hash };
    expect(verifyChain(edited)).toMatchObject({ ok: false, brokenAt: 4 });
    const rehashed = chain(5);
    rehashed[3] = rehash({ ...rehashed[3], prevHash: 'f'.repeat(64) });
    const result = verifyChain(rehashed);
    expect(result).toMatchObject({ ok: false, brokenAt: 4 });
    expect(!result.ok && result.reason).toMatch(/event 4's prevHash does not match the hash of event 3/);
  });

  it('detects a first event that does not start from the genesis hash', () => {
    const events = chain(2);
    events[0] = rehash({ ...events[0], prevHash: 'a'.repeat(64) });
    expect(verifyChain(events)).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it('reports a duplicated event', () => {
    const events = chain(3);
    events.splice(2, 0, events[1]);
    expect(verifyChain(events)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('reports a corrupted event that cannot be hashed instead of throwing', () => {
    const events = chain(2);
    events[1] = { ...events[1], data: { description: Infinity } } as unknown as AuditEvent;
    const result = verifyChain(events);
    expect(result).toMatchObject({ ok: false, brokenAt: 2 });
    expect(!result.ok && result.reason).toMatch(/cannot be hashed/);
  });

  it('cannot see events removed from the end, but its head changes', () => {
    const events = chain(4);
    const full = verifyChain(events);
    const cut = verifyChain(events.slice(0, 3));
    expect(cut).toEqual({ ok: true, count: 3, head: events[2].hash });
    expect(full.ok && cut.ok && full.head !== cut.head).toBe(true);
  });
});
