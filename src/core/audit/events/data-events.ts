import type { AuditDraftOf, AuditEventData } from '../audit-event.ts';
import type { DatasetVersion } from '../../data/versions/dataset-version.ts';
import { draftOf, type EventHead } from './event-head.ts';

/**
 * `dataset.version_saved`: a draft became a stored, content-addressed version.
 *
 * @example
 * await store.saveDatasetVersion(version, bytes, datasetVersionSaved(version, 'ana'));
 */
export function datasetVersionSaved(version: DatasetVersion, actor: string): AuditDraftOf<'dataset.version_saved'> {
  return draftOf({ at: version.createdAt, actor }, 'dataset.version_saved', version.id, {
    name: version.name,
    rowCount: version.rowCount,
    columnCount: version.columnCount,
    parentId: version.parentId,
    source: version.source?.fileName ?? null,
  });
}

/** `column.type_overridden`: the user read a column of the loaded data as another type. */
export function columnTypeOverridden(
  head: EventHead,
  change: AuditEventData['column.type_overridden'],
): AuditDraftOf<'column.type_overridden'> {
  return draftOf(head, 'column.type_overridden', change.column, change);
}

/** `column.role_changed`: the user made a column a feature, the target, an id or ignored. */
export function columnRoleChanged(
  head: EventHead,
  change: AuditEventData['column.role_changed'],
): AuditDraftOf<'column.role_changed'> {
  return draftOf(head, 'column.role_changed', change.column, change);
}
