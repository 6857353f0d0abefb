import { describe, expect, it } from 'vitest';
import { featuresApplied, featuresMaterialized } from '../../../src/core/audit/events/feature-events.ts';

describe('feature-store audit events', () => {
  it('features.applied names its origin as subject and lists what it wrote', () => {
    const head = { at: '2024-02-01T00:00:00.000Z', actor: 'ana' };
    expect(
      featuresApplied(head, 'features.json', { entities: ['customer'], views: ['spend@2'], services: [] }),
    ).toEqual({
      ...head,
      type: 'features.applied',
      subject: 'features.json',
      data: { entities: ['customer'], views: ['spend@2'], services: [] },
    });
  });

  it('features.materialized is about the end time it read up to', () => {
    const head = { at: '2024-02-01T00:00:00.000Z', actor: 'ci' };
    const data = { end: '2024-01-31T00:00:00.000Z', views: ['spend@2: 3'], incremental: true };
    expect(featuresMaterialized(head, data)).toMatchObject({ type: 'features.materialized', subject: data.end, data });
  });
});
