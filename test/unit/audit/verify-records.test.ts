import { describe, expect, it } from 'vitest';
import type { AuditDraft, AuditEvent } from '../../../src/core/audit/audit-event.ts';
import { sealEvent } from '../../../src/core/audit/chain.ts';
import { recordDigest } from '../../../src/core/audit/record-digest.ts';
import { adoptionDraft } from '../../../src/core/audit/events/adoption-events.ts';
import { bindBlob, bindRecord, type RecordBinding } from '../../../src/core/audit/record-binding.ts';
import { verifyRecords, type StoredDigest } from '../../../src/core/audit/verify-records.ts';

// The event's type does not matter to record binding: a column edit stands for any event.
const draft = (subject: string): AuditDraft => ({
  at: '2024-01-01T00:00:00.000Z',
  actor: 't',
  type: 'column.role_changed',
  subject,
  data: { column: subject, from: 'feature', to: 'ignore', source: 'test' },
});

/** A chain of events, each with the bindings given (undefined: an event written before record binding). */
function chain(...bindings: (RecordBinding[] | undefined)[]): AuditEvent[] {
  const out: AuditEvent[] = [];
  for (const [i, records] of bindings.entries()) out.push(sealEvent(out.at(-1) ?? null, draft(`e${i}`), records));
  return out;
}

const model = { name: 'm', latestVersion: 1 };
const version = { id: 'm@1', stage: 'Development', metrics: { accuracy: 0.9 } };
const blob = 'a'.repeat(64);
const stored = (kind: StoredDigest['kind'], key: string, value: unknown): StoredDigest => ({
  kind,
  key,
  sha256: recordDigest(value),
});

describe('recordDigest', () => {
  it('is the same for equal records whatever their key order, and tells NaN, -0 and typed arrays apart', () => {
    expect(recordDigest({ a: 1, b: [NaN, 2] })).toBe(recordDigest({ b: [NaN, 2], a: 1 }));
    expect(recordDigest({ a: NaN })).not.toBe(recordDigest({ a: null }));
    expect(recordDigest({ a: -0 })).not.toBe(recordDigest({ a: 0 }));
    expect(recordDigest({ a: new Float64Array([1, 2]) })).toBe(recordDigest({ a: new Float64Array([1, 2]) }));
    expect(recordDigest({ a: new Float64Array([1, 2]) })).not.toBe(recordDigest({ a: new Float32Array([1, 2]) }));
    // An undefined property is absent, as in a record file.
    expect(recordDigest({ a: 1, b: undefined })).toBe(recordDigest({ a: 1 }));
    // Data cannot pose as a tag.
    expect(recordDigest({ a: { $wb: 'NaN' } })).not.toBe(recordDigest({ a: NaN }));
  });
});

describe('verifyRecords', () => {
  const events = chain(
    [bindRecord('models', 'm', model), bindRecord('modelVersions', 'm@1', version), bindBlob(blob)],
    [],
  );
  const intact = [stored('models', 'm', model), stored('modelVersions', 'm@1', version), bindBlob(blob)];

  it('accepts records equal to what their events wrote', () => {
    expect(verifyRecords(events, intact)).toEqual({ ok: true, bound: 3, unbound: 0, problems: [] });
  });

  it('takes the last event that wrote a record as its truth', () => {
    const staged = { ...version, stage: 'Staging' };
    const later = [...events];
    later.push(sealEvent(later.at(-1)!, draft('promote'), [bindRecord('modelVersions', 'm@1', staged)]));
    const now = [stored('models', 'm', model), stored('modelVersions', 'm@1', staged), bindBlob(blob)];
    expect(verifyRecords(later, now).ok).toBe(true);
    expect(verifyRecords(later, intact).problems[0].reason).toBe(
      'model version "m@1" differs from what event 3 wrote: it was edited outside the workbench',
    );
  });

  it('names a record that was edited, deleted, or added, and a blob whose bytes changed', () => {
    const edited = [stored('models', 'm', model), stored('modelVersions', 'm@1', { ...version, stage: 'Production' })];
    expect(verifyRecords(events, [...edited, bindBlob(blob)]).problems).toEqual([
      {
        kind: 'modelVersions',
        key: 'm@1',
        seq: 1,
        reason: 'model version "m@1" differs from what event 1 wrote: it was edited outside the workbench',
      },
    ]);
    expect(verifyRecords(events, [intact[0], intact[2]]).problems[0]).toMatchObject({
      key: 'm@1',
      reason: 'model version "m@1" is missing: event 1 wrote it, and it was deleted since',
    });
    const extra = stored('runs', 'r', { id: 'r' });
    expect(verifyRecords(events, [...intact, extra]).problems[0]).toMatchObject({
      kind: 'runs',
      seq: null,
      reason: expect.stringContaining('run "r" exists without an event that wrote it'),
    });
    const changed = { kind: 'blobs' as const, key: blob, sha256: 'b'.repeat(64) };
    expect(verifyRecords(events, [intact[0], intact[1], changed]).problems[0].reason).toBe(
      `blob "${blob}" differs from what event 1 wrote: its bytes were changed`,
    );
  });

  it('names every record of a workspace whose log is gone', () => {
    expect(verifyRecords([], intact).problems.map((p) => p.key)).toEqual(['m', 'm@1', blob]);
  });

  it('counts records as unbound while the chain ends with events written before record binding', () => {
    const legacy = chain(undefined, undefined);
    const unboundBlob = { kind: 'blobs' as const, key: blob, sha256: 'b'.repeat(64) };
    expect(verifyRecords(legacy, intact)).toEqual({ ok: true, bound: 0, unbound: 3, problems: [] });
    // A blob's bytes are checked against its name all the same.
    expect(verifyRecords(legacy, [unboundBlob]).problems[0].reason).toMatch(/its bytes hash to bbbbbbbbbbbb…/);
  });

  it('binds the records an adoption event found, and from then on names records no event wrote', () => {
    const all = [bindRecord('models', 'm', model), bindRecord('modelVersions', 'm@1', version), bindBlob(blob)];
    const legacy = chain(undefined, undefined);
    const adopted = [...legacy, sealEvent(legacy[1], adoptionDraft('2024-01-01T00:00:00.000Z', 't', all), all)];
    expect(verifyRecords(adopted, intact)).toEqual({ ok: true, bound: 3, unbound: 0, problems: [] });
    const extra = stored('runs', 'r', { id: 'r' });
    expect(verifyRecords(adopted, [...intact, extra]).ok).toBe(false);
  });
});
