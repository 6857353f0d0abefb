import type { WorkspaceStore } from '../../ports.ts';
import { keyedRecord } from '../../keyed-record.ts';
import { profileDraft, type Draft } from '../draft.ts';
import type { DataTable } from '../types.ts';
import { encodeWithId } from '../versions/dataset-id.ts';
import type { DatasetVersion } from '../versions/dataset-version.ts';
import { saveDraftAsVersion } from '../versions/save-version.ts';
import { applyRecipe } from './apply-recipe.ts';
import type { TransformRecipe } from './recipe.ts';

export interface SaveTransformedInput {
  name: string;
  note: string;
  actor: string;
  /** Epoch milliseconds, from the caller's clock. */
  now: number;
}

/**
 * The draft a recipe makes of a saved version: the transformed table, the
 * roles carried through the steps, and the version as its parent.
 */
export function transformedDraft(parent: DatasetVersion, parentTable: DataTable, recipe: TransformRecipe): Draft {
  const stage = applyRecipe(parentTable, parent.schema, recipe);
  const inferred = new Map(parent.profile.columns.map((c) => [c.name, c.inferredType]));
  return {
    table: stage.table,
    inferredTypes: keyedRecord(stage.schema.map((c) => [c.name, inferred.get(c.name) ?? c.type])),
    roles: keyedRecord(stage.schema.map((c) => [c.name, c.role])),
    sourceName: parent.name,
    source: null,
    parentId: parent.id,
    notes: [],
  };
}

/**
 * Applies a recipe to a saved version and saves the result as a new version
 * whose parent is that version and whose `recipe` is the recipe, through the
 * usual version saving (content-addressed, with its audit event). Applying
 * the same recipe to the same parent again gives the same id, and saves
 * nothing new.
 */
export async function saveTransformedVersion(
  store: WorkspaceStore,
  parent: DatasetVersion,
  parentTable: DataTable,
  recipe: TransformRecipe,
  input: SaveTransformedInput,
): Promise<{ created: boolean; version: DatasetVersion }> {
  const draft = transformedDraft(parent, parentTable, recipe);
  const encoded = await encodeWithId(draft.table);
  return saveDraftAsVersion(store, draft, { ...input, encoded, profile: profileDraft(draft), recipe });
}
