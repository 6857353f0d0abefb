import { profileDraft, type Draft } from '../../data/draft.ts';
import type { DataTable } from '../../data/types.ts';
import { encodeWithId } from '../../data/versions/dataset-id.ts';
import type { DatasetVersion, FeatureJoinRecord } from '../../data/versions/dataset-version.ts';
import { saveDraftAsVersion } from '../../data/versions/save-version.ts';
import { keyedRecord } from '../../keyed-record.ts';
import type { WorkspaceStore } from '../../ports.ts';

/**
 * Saves an entity table joined with feature views (historical retrieval) as
 * a dataset version whose parent is the entity version: the entity columns
 * keep their roles, the added feature columns get the `feature` role, so the
 * Train view can use it like any other version; `featureJoin` records the
 * view versions used (the lineage graph links them). The same join saved
 * twice gives the same id and stores nothing new.
 *
 * @example
 * await saveJoinedVersion(store, entities, joined.table, { name: 'orders + features', note: '', actor, now })
 */
export async function saveJoinedVersion(
  store: WorkspaceStore,
  entityVersion: DatasetVersion,
  table: DataTable,
  input: { name: string; note: string; actor: string; now: number; featureJoin?: FeatureJoinRecord },
): Promise<{ created: boolean; version: DatasetVersion }> {
  const roles = new Map(entityVersion.schema.map((c) => [c.name, c.role]));
  const inferred = new Map(entityVersion.profile.columns.map((c) => [c.name, c.inferredType]));
  const draft: Draft = {
    table,
    inferredTypes: keyedRecord(table.columns.map((c) => [c.name, inferred.get(c.name) ?? c.type])),
    roles: keyedRecord(table.columns.map((c) => [c.name, roles.get(c.name) ?? 'feature'])),
    sourceName: entityVersion.name,
    source: null,
    parentId: entityVersion.id,
    notes: [],
  };
  const encoded = await encodeWithId(table);
  return saveDraftAsVersion(store, draft, { ...input, encoded, profile: profileDraft(draft) });
}
