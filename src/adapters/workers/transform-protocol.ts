/**
 * The contract between the UI thread and the transform worker (types only).
 * Expected failures come back as `{ ok: false, error }` values.
 */
import type { TransformRecipe } from '../../core/data/transform/recipe.ts';
import type { ColumnSchema } from '../../core/data/types.ts';
import type { DatasetVersion } from '../../core/data/versions/dataset-version.ts';
import type { Result } from './data-protocol.ts';

/** The first rows a recipe gives, as display text, and the size of the whole result. */
export interface TransformPreview {
  rowCount: number;
  schema: ColumnSchema[];
  rows: string[][];
}

export interface TransformApi {
  /** Applies the recipe to the saved version `parentId` and returns its first `limit` rows. */
  preview(parentId: string, recipe: TransformRecipe, limit: number): Promise<Result<TransformPreview>>;
  /** Applies the recipe and saves the result as a new version (parent and recipe recorded). */
  save(
    parentId: string,
    recipe: TransformRecipe,
    request: { name: string; note: string; actor: string },
  ): Promise<Result<{ created: boolean; version: DatasetVersion }>>;
}
