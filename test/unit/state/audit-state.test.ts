import { describe, expect, it } from 'vitest';
import { AuditState, filterEvents } from '../../../src/state/audit-state.svelte.ts';
import { testContext } from './fakes/test-context.ts';
import { saveVersion } from './fakes/workspace-seed.ts';

async function withEvents() {
  const context = testContext();
  const audit = new AuditState(context);
  await saveVersion(context, 'v1', 'x\n1\n');
  context.actAs('bo');
  await saveVersion(context, 'v2', 'x\n2\n');
  return { context, audit };
}

describe('AuditState', () => {
  it('shows every event newest first and filters by type, actor and text', async () => {
    const { audit } = await withEvents();
    expect(audit.events.map((e) => [e.seq, e.actor])).toEqual([
      [2, 'bo'],
      [1, 'ana'],
    ]);
    expect([audit.types, audit.actors]).toEqual([['dataset.version_saved'], ['ana', 'bo']]);
    audit.actorFilter = 'bo';
    expect(audit.shown.map((e) => e.type === 'dataset.version_saved' && e.data.name)).toEqual(['v2']);
    audit.clearFilters();
    audit.search = 'V1';
    expect(audit.shown.map((e) => e.type === 'dataset.version_saved' && e.data.name)).toEqual(['v1']);
    expect(filterEvents(audit.events, { type: 'run.started', actor: '', text: '' })).toEqual([]);
  });

  it('verifies the chain, and drops the verification once the log grows', async () => {
    const { context, audit } = await withEvents();
    await audit.verify();
    expect(audit.verification).toMatchObject({ ok: true, count: 2, head: audit.events[0].hash });
    await saveVersion(context, 'v3', 'x\n3\n');
    expect(audit.verification).toBeNull();
    expect(audit.events).toHaveLength(3);
  });

  it('names the first event edited behind its back', async () => {
    const { context, audit } = await withEvents();
    const listAudit = context.store.listAudit.bind(context.store);
    context.store.listAudit = async () => {
      const events = await listAudit();
      return events.map((e) => (e.seq === 1 ? { ...e, actor: 'mallory' } : e));
    };
    await audit.verify();
    expect(audit.verification).toEqual({
      ok: false,
      brokenAt: 1,
      reason: 'event 1 was edited: its content no longer matches its hash',
    });
    expect(audit.events.find((e) => e.seq === 1)?.actor).toBe('mallory');
  });

  it('exports the log oldest first as JSON Lines', async () => {
    const { context, audit } = await withEvents();
    audit.exportJsonLines();
    const [download] = context.downloads;
    expect([download.fileName, download.type]).toEqual(['audit-log.jsonl', 'application/x-ndjson']);
    const lines = String(download.content)
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((e) => [e.seq, e.actor])).toEqual([
      [1, 'ana'],
      [2, 'bo'],
    ]);
  });
});
