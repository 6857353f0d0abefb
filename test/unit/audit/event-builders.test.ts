import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  AUDIT_EVENT_LABELS,
  AUDIT_EVENT_TYPES,
  isAuditEventType,
  type AuditEvent,
  type AuditEventType,
} from '../../../src/core/audit/audit-event.ts';
import { sealEvent } from '../../../src/core/audit/chain.ts';
import { columnRoleChanged, datasetVersionSaved } from '../../../src/core/audit/events/data-events.ts';
import { runCompleted, runFailed, runStarted } from '../../../src/core/audit/events/train-events.ts';
import { erasureGenesis, workspaceErased } from '../../../src/core/audit/events/workspace-events.ts';
import { verifyChain } from '../../../src/core/audit/verify-chain.ts';
import { WorkbenchError } from '../../../src/core/errors.ts';
import { registerRun, setGates, transition } from '../../../src/core/registry/registry-service.ts';
import { DEFAULT_GATES } from '../../../src/core/registry/registry-types.ts';
import type { RunSummary } from '../../../src/core/train/run-record.ts';
import { ACTOR, at, completedRun, datasetVersion, storeWith } from '../registry/registry-fixtures.ts';

/** The audit log of a workspace written before events were typed (see test/fixtures/audit/README.md). */
const legacy: AuditEvent[] = readFileSync(
  new URL('../../fixtures/audit/legacy-cli-workspace.jsonl', import.meta.url),
  'utf8',
)
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as AuditEvent);

/** Today's events for the same steps as the legacy log, from the builders through the registry plans. */
async function todaysEvents(): Promise<AuditEvent[]> {
  const { store, runs } = await storeWith((d) => [completedRun({ id: 'r1', datasetVersionId: d })]);
  await store.appendAudit(
    runStarted({ at: at(1), actor: ACTOR }, { id: 'r2', name: 'again', datasetVersionId: 'd', spec: runs[0].spec }),
  );
  await registerRun(store, { run: runs[0], modelName: 'iris', actor: ACTOR, now: at(2) });
  await setGates(store, {
    modelName: 'iris',
    gates: { ...DEFAULT_GATES, requireApproval: true },
    actor: ACTOR,
    now: at(3),
  });
  await transition(store, { modelName: 'iris', version: 1, to: 'Staging', actor: ACTOR, now: at(4) });
  await transition(store, { modelName: 'iris', version: 1, to: 'Production', actor: ACTOR, now: at(5) });
  return store.listAudit();
}

const keysOf = (event: AuditEvent) => Object.keys(event.data).sort();

describe('audit event types', () => {
  it('lists every type of the union once, with a label', () => {
    expectTypeOf<(typeof AUDIT_EVENT_TYPES)[number]>().toEqualTypeOf<AuditEventType>();
    expect(new Set(AUDIT_EVENT_TYPES).size).toBe(AUDIT_EVENT_TYPES.length);
    expect(AUDIT_EVENT_TYPES).toHaveLength(30);
    for (const type of AUDIT_EVENT_TYPES) expect(AUDIT_EVENT_LABELS[type]).toMatch(/^[A-Z]\w/);
    expect(isAuditEventType('model.stage_changed')).toBe(true);
    expect(isAuditEventType('toString')).toBe(false);
  });

  it('still verifies a log written before the types existed, and knows each of its types', () => {
    expect(verifyChain(legacy)).toEqual({ ok: true, count: 8, head: legacy[7].hash });
    expect(legacy.every((e) => isAuditEventType(e.type))).toBe(true);
  });

  it('builds the same payload fields the legacy log holds, type by type', async () => {
    const today = await todaysEvents();
    const types = [...new Set(legacy.map((e) => e.type))];
    expect(types).toEqual([
      'dataset.version_saved',
      'run.started',
      'run.completed',
      'model.registered',
      'model.gates_set',
      'model.stage_changed',
      'model.promotion_blocked',
    ]);
    for (const type of types) {
      const before = legacy.find((e) => e.type === type)!;
      const now = today.find((e) => e.type === type);
      expect(now && keysOf(now), type).toEqual(keysOf(before));
    }
  });
});

describe('event builders', () => {
  it('dataset.version_saved: the version as subject, at its creation time, with its shape and source', () => {
    const { version } = datasetVersion('species\nsetosa\n');
    const event = datasetVersionSaved({ ...version, source: { fileName: 'iris.csv', sizeBytes: 16 } }, 'ana');
    expect(event).toEqual({
      at: version.createdAt,
      actor: 'ana',
      type: 'dataset.version_saved',
      subject: version.id,
      data: { name: 'iris', rowCount: 150, columnCount: 3, parentId: null, source: 'iris.csv' },
    });
  });

  it('run.completed names what a re-run repeated only for a re-run', () => {
    const run = completedRun({ id: 'r1', datasetVersionId: 'd' }) as ReturnType<typeof completedRun> & {
      outcome: RunSummary;
    };
    expect(runCompleted(run, 'ana').data).not.toHaveProperty('rerunOf');
    const rerun = runCompleted({ ...run, rerunOf: { runId: 'r0', reproduced: true } }, 'ana');
    expect(rerun.data).toMatchObject({ rerunOf: 'r0', reproduced: true, model: 'forest' });
    expect(rerun).toMatchObject({ type: 'run.completed', subject: 'r1', at: run.finishedAt });
  });

  it('run.failed keeps the error code of an expected failure and names others internal.unexpected', () => {
    const run = { ...completedRun({ id: 'r1', datasetVersionId: 'd' }), status: 'failed' as const, outcome: null };
    const expected = runFailed(run, 'ana', new WorkbenchError('split.too_few_rows', 'Too few rows.'));
    expect(expected.data).toEqual({ reason: 'Too few rows.', code: 'split.too_few_rows' });
    expect(runFailed(run, 'ana', new RangeError('boom')).data).toEqual({ reason: 'boom', code: 'internal.unexpected' });
  });

  it('column.role_changed has the column as subject', () => {
    const event = columnRoleChanged(
      { at: at(1), actor: 'ana' },
      { column: 'species', from: null, to: 'target', source: 'iris.csv' },
    );
    expect(event).toMatchObject({
      type: 'column.role_changed',
      subject: 'species',
      data: { from: null, to: 'target' },
    });
  });

  it('workspace.erased: the request carries no data; the genesis gets what the store erased', () => {
    const request = workspaceErased({ at: at(1), actor: 'ana' });
    expect(request).toEqual({ at: at(1), actor: 'ana', type: 'workspace.erased', subject: 'workspace', data: {} });
    const genesis = sealEvent(null, erasureGenesis(request, { erasedEvents: 8, previousHead: legacy[7].hash }));
    expect(genesis.data).toEqual({ erasedEvents: 8, previousHead: legacy[7].hash });
    expect(verifyChain([genesis])).toMatchObject({ ok: true, count: 1 });
  });
});
