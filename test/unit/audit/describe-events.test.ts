import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../src/core/audit/audit-event.ts';
import { describeEvents } from '../../../src/core/audit/describe-events.ts';

const DATA = 'a'.repeat(64);
let seq = 0;
function event(type: string, subject: string, data: object): AuditEvent {
  seq += 1;
  return {
    seq,
    at: '2026-01-01T00:00:00.000Z',
    actor: 'ana',
    type,
    subject,
    data,
    prevHash: '',
    hash: '',
  } as AuditEvent;
}

describe('describeEvents', () => {
  const events = [
    event('dataset.version_saved', DATA, {
      name: 'churn',
      rowCount: 100,
      columnCount: 5,
      parentId: null,
      source: null,
    }),
    event('run.started', 'run-1', { name: 'forest #1', datasetVersionId: DATA, model: 'forest', seed: 42 }),
    event('run.completed', 'run-1', { name: 'forest #1', model: 'forest', modelBlob: 'b', headline: {} }),
    event('model.registered', 'churn@3', {}),
    event('model.stage_changed', 'churn@3', {
      from: 'Staging',
      to: 'Production',
      reason: 'better',
      approver: 'bo',
      comment: 'checked the card',
      archivedVersion: 1,
      signatureChangeAcknowledged: false,
    }),
    event('model.promotion_blocked', 'churn@2', {
      from: 'Development',
      to: 'Production',
      reason: '',
      approver: null,
      failedGates: [{ gate: 'approval', message: 'needs an approval' }],
    }),
    event('run.failed', 'run-2', { reason: 'The target has one class.', code: 'train.one_class' }),
    event('column.type_overridden', 'species', { column: 'species', from: 'category', to: 'text' }),
  ];
  const described = describeEvents(events);

  it('names datasets and runs by the names the log recorded, versions as "name vN"', () => {
    expect(described.get(1)).toEqual({
      subject: `dataset "churn" (${DATA.slice(0, 12)})`,
      summary: '100 rows × 5 columns',
    });
    expect(described.get(2)).toEqual({
      subject: 'run "forest #1"',
      summary: `forest on dataset "churn" (${DATA.slice(0, 12)}), seed 42`,
    });
    expect(described.get(3)?.subject).toBe('run "forest #1"');
    expect(described.get(4)).toEqual({ subject: 'churn v3', summary: '' });
    // A run the log never saw start keeps a short id.
    expect(described.get(7)).toEqual({ subject: 'run run-2', summary: 'The target has one class.' });
  });

  it('reads stage changes as from → to, with the approver, comment, archived version and reason', () => {
    expect(described.get(5)?.summary).toBe(
      'Staging → Production · approved by bo: “checked the card” · archived v1 · “better”',
    );
    expect(described.get(6)?.summary).toBe('Development → Production blocked by approval');
    expect(described.get(8)).toEqual({ subject: 'species', summary: 'category → text' });
  });
});
