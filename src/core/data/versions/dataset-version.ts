import type { DataProfile } from '../profile/profile-types.ts';
import type { TransformRecipe } from '../transform/recipe.ts';
import type { ColumnSchema } from '../types.ts';

/**
 * A saved, immutable dataset version. Its `id` is the SHA-256 (hex) of the
 * canonical encoding of its typed table (see canonical-encoding.ts), which
 * is also the key of its bytes in the blob store: the same data always gets
 * the same id, whatever file it came from.
 */
export interface DatasetVersion {
  id: string;
  name: string;
  /** The version this one was derived from, if any (lineage). */
  parentId: string | null;
  /** ISO 8601, from the clock passed in. */
  createdAt: string;
  source: { fileName: string; sizeBytes: number } | null;
  schema: ColumnSchema[];
  rowCount: number;
  columnCount: number;
  note: string;
  /** Size of the canonical encoding stored in the blob store. */
  byteLength: number;
  profile: DataProfile;
  /** Set when the version was made from its parent by Transform steps: what was done. */
  recipe?: TransformRecipe;
  /** Set when the version is its parent's rows joined point-in-time with feature views: which ones, and how. */
  featureJoin?: FeatureJoinRecord;
}

/** The feature view versions (and service) a joined version was built from, for lineage and reruns. */
export interface FeatureJoinRecord {
  /** Feature view versions, `name@version`. */
  viewIds: string[];
  /** The feature service (`name@version`) the views came from; null: chosen one by one. */
  service: string | null;
  /** The parent's time column the rows were joined at. */
  timestamp: string;
  ignoreCreatedAfter: boolean;
}
