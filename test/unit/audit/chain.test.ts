import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, type AuditDraft } from '../../../src/core/audit/audit-event.ts';
import { eventHash, sealEvent } from '../../../src/core/audit/chain.ts';
import { canonicalJson } from '../../../src/core/hash/canonical-json.ts';
import { sha256HexSync } from '../../../src/core/hash/sha256.ts';

// Loosely typed on purpose: these tests feed sealEvent what the types would refuse,
// as a caller without them (plain JS, a parsed file) could.
const draft = (type = 'dataset.version_saved', data: Record<string, unknown> = { rows: 2 }): AuditDraft =>
  ({ at: '2024-01-01T00:00:00.000Z', actor: 'tester', type, subject: 'abc', data }) as unknown as AuditDraft;

describe('sealEvent', () => {
  it('makes the first event seq 1 linked to the genesis hash', () => {
    const first = sealEvent(null, draft());
    expect(first.seq).toBe(1);
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('links each event to the one before it', () => {
    const first = sealEvent(null, draft());
    const second = sealEvent(first, draft('column.type_overridden'));
    expect(second.seq).toBe(2);
    expect(second.prevHash).toBe(first.hash);
    expect(second.hash).not.toBe(first.hash);
  });

  it('hashes the canonical JSON of every field but hash', () => {
    const event = sealEvent(null, draft('model.updated', { b: 1, a: [1, 2] }));
    const expected = sha256HexSync(
      canonicalJson({
        seq: 1,
        at: event.at,
        actor: 'tester',
        type: 'model.updated',
        subject: 'abc',
        data: { a: [1, 2], b: 1 },
        prevHash: GENESIS_HASH,
      }),
    );
    expect(event.hash).toBe(expected);
    expect(eventHash(event)).toBe(expected);
  });

  it('gives the same hash whatever the key order of data', () => {
    expect(sealEvent(null, draft('model.updated', { a: 1, b: 2 })).hash).toBe(
      sealEvent(null, draft('model.updated', { b: 2, a: 1 })).hash,
    );
  });

  it('refuses data JSON could not round-trip, naming the path', () => {
    expect(() => sealEvent(null, draft('model.updated', { f: () => 1 }))).toThrow(/data\.f is a function/);
    expect(() => sealEvent(null, draft('model.updated', { n: [1, NaN] }))).toThrow(/data\.n\[1\] is NaN/);
    expect(() => sealEvent(null, draft('model.updated', { m: new Map() }))).toThrow(/data\.m is a Map/);
    expect(() => sealEvent(null, draft('model.updated', { d: new Date(0) }))).toThrow(/data\.d is a Date/);
  });

  it('refuses an empty or unknown type and a non-string actor with code audit.invalid_event', () => {
    expect(() => sealEvent(null, draft(''))).toThrow(expect.objectContaining({ code: 'audit.invalid_event' }));
    expect(() => sealEvent(null, draft('pipeline.run'))).toThrow(/type "pipeline.run" is not an audit event type/);
    expect(() => sealEvent(null, { ...draft(), actor: 42 as unknown as string })).toThrow(/"actor" is a number/);
  });
});
