import type { AuditEvent } from '../../audit/audit-event.ts';
import { featuresApplied } from '../../audit/events/feature-events.ts';
import type { RecordPut, WorkspaceStore } from '../../ports.ts';
import type { FeatureDefinitions } from './feature-types.ts';
import { resolveDefinitions, type ResolvedDefinitions } from './resolve-definitions.ts';
import { serviceId } from './service-id.ts';

export interface ApplyResult extends ResolvedDefinitions {
  /** The audit event of the write; null when nothing changed. */
  event: AuditEvent | null;
}

/**
 * Validates definitions against the workspace and stores what changed (new
 * entities and services, a new version of each changed view) with one
 * `features.applied` event. Applying the same definitions twice writes nothing.
 *
 * @throws WorkbenchError from {@link resolveDefinitions}
 */
export async function applyDefinitions(
  store: WorkspaceStore,
  defs: FeatureDefinitions,
  options: { actor: string; now: number; origin: string },
): Promise<ApplyResult> {
  const at = new Date(options.now).toISOString();
  const resolved = await resolveDefinitions(store, defs, at);
  const puts: RecordPut[] = [
    ...resolved.entities.filter((e) => e.changed).map((e) => ({ kind: 'featureEntities' as const, value: e.entity })),
    ...resolved.views.filter((v) => v.changed).map((v) => ({ kind: 'featureViews' as const, value: v.view })),
    ...resolved.services.filter((s) => s.changed).map((s) => ({ kind: 'featureServices' as const, value: s.service })),
  ];
  if (puts.length === 0) return { ...resolved, event: null };
  const event = await store.commit(
    {
      puts,
      // A view version is written once: a concurrent apply of the same version conflicts.
      expect: resolved.views
        .filter((v) => v.changed)
        .map((v) => ({ kind: 'featureViews' as const, key: v.view.id, equals: undefined })),
    },
    featuresApplied({ at, actor: options.actor }, options.origin, {
      entities: resolved.entities.filter((e) => e.changed).map((e) => e.entity.name),
      views: resolved.views.filter((v) => v.changed).map((v) => v.view.id),
      services: resolved.services.filter((s) => s.changed).map((s) => serviceId(s.service)),
    }),
  );
  return { ...resolved, event };
}
