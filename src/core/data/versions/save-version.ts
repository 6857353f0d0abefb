import { datasetVersionSaved } from '../../audit/events/data-events.ts';
import { WorkbenchError } from '../../errors.ts';
import type { WorkspaceStore } from '../../ports.ts';
import type { DatasetVersion, FeatureJoinRecord } from './dataset-version.ts';
import { draftSchema, type Draft } from '../draft.ts';
import type { DataProfile } from '../profile/profile-types.ts';
import type { TransformRecipe } from '../transform/recipe.ts';

export interface SaveVersionInput {
  name: string;
  note: string;
  actor: string;
  /** Epoch milliseconds, from the caller's clock. */
  now: number;
  /** The draft's canonical bytes and their id (see dataset-id.ts). */
  encoded: { bytes: Uint8Array; id: string };
  profile: DataProfile;
  /** The lineage parent, when the user saves this as the next version of a saved one; absent: the draft's. */
  parentId?: string | null;
  /** The steps that made this data from the parent version (Transform panel). */
  recipe?: TransformRecipe;
  /** The feature views this data was joined from (Features area). */
  featureJoin?: FeatureJoinRecord;
}

/**
 * Saves a draft as a dataset version, with its audit event, in one store
 * transaction. Saving data that is already stored (same id) writes nothing
 * and returns the existing version with `created: false`.
 */
export async function saveDraftAsVersion(
  store: WorkspaceStore,
  draft: Draft,
  input: SaveVersionInput,
): Promise<{ created: boolean; version: DatasetVersion }> {
  const name = input.name.trim();
  if (name === '') throw new WorkbenchError('version.no_name', 'Give the dataset version a name before saving it.');
  if (name.length > 200)
    throw new WorkbenchError(
      'version.name_too_long',
      'The version name is longer than 200 characters. Use a shorter name.',
    );
  const { bytes, id } = input.encoded;
  const parent = input.parentId !== undefined ? input.parentId : draft.parentId;
  const version: DatasetVersion = {
    id,
    name,
    parentId: parent === id ? null : parent,
    createdAt: new Date(input.now).toISOString(),
    source: draft.source,
    schema: draftSchema(draft),
    rowCount: draft.table.rowCount,
    columnCount: draft.table.columns.length,
    note: input.note.trim(),
    byteLength: bytes.byteLength,
    profile: input.profile,
    // Only versions made by a transform have the key, so older records keep their digests.
    ...(input.recipe ? { recipe: input.recipe } : {}),
    ...(input.featureJoin ? { featureJoin: input.featureJoin } : {}),
  };
  return store.saveDatasetVersion(version, bytes, datasetVersionSaved(version, input.actor));
}
