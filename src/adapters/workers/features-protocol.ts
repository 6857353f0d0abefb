/**
 * The contract between the UI thread and the features worker (types only):
 * the point-in-time join preview and its save, materialization with
 * progress, and online lookups next to the offline values. Expected
 * failures come back as `{ ok: false, error }` values.
 */
import type { ColumnSchema } from '../../core/data/types.ts';
import type { DatasetVersion } from '../../core/data/versions/dataset-version.ts';
import type { OnlineValue } from '../../core/features/definitions/feature-types.ts';
import type { EntityTimeline, TimelineEntity } from '../../core/features/timeline/index.ts';
import type { Result } from './data-protocol.ts';

/** Entity rows (a saved version and its time column) joined with feature view versions. */
export interface JoinRequest {
  entityVersionId: string;
  timestamp: string;
  /** Feature view version ids (`name@version`). */
  viewIds: string[];
  /** Skip feature rows created after the row's time (backfill leakage). */
  ignoreCreatedAfter: boolean;
  /** The feature service (`name@version`) the views were taken from, recorded with a saved join; null: views ticked by hand. */
  service: string | null;
}

/** What each view contributed to the join. */
export interface JoinViewSummary {
  viewId: string;
  matchedRows: number;
  /** Rows a naive latest-value join would have filled from the future. */
  leakedRows: number;
}

/** The entities whose timeline can be shown, and the first one's timeline. */
export interface JoinTimeline {
  /** By key (at most 500: those with the most leaked rows). */
  entities: TimelineEntity[];
  /** How many entities the rows name. */
  total: number;
  /** The timeline of the entity with the most leaked rows; null when no row has a key. */
  entity: EntityTimeline | null;
}

export interface JoinPreview {
  rowCount: number;
  schema: ColumnSchema[];
  /** The first rows as display text. */
  rows: string[][];
  views: JoinViewSummary[];
  timeline: JoinTimeline;
}

export interface MaterializeProgress {
  done: number;
  total: number;
  viewId: string;
}

export interface MaterializeSummary {
  end: string;
  incremental: boolean;
  views: { viewId: string; entities: number }[];
}

/** One key's vector from the online store and from offline retrieval at the same time. */
export interface LookupRow {
  key: string;
  online: OnlineValue[];
  offline: OnlineValue[];
}

export interface LookupResult {
  /** The time looked up at: the earliest end the views were materialized to. */
  at: string;
  features: string[];
  viewIds: string[];
  rows: LookupRow[];
}

export interface FeaturesApi {
  /** Runs the join and returns its first `limit` rows with the per-view counts. */
  preview(request: JoinRequest, limit: number): Promise<Result<JoinPreview>>;
  /** One entity's timeline in the join (the last join is kept, so switching entities does not join again). */
  timeline(request: JoinRequest, key: string): Promise<Result<EntityTimeline>>;
  /** Runs the join and saves the table as a dataset version (parent: the entity version). */
  save(
    request: JoinRequest,
    input: { name: string; note: string; actor: string },
  ): Promise<Result<{ created: boolean; version: DatasetVersion }>>;
  /** Materializes every applied view's newest version up to `end` (ms). */
  materialize(
    request: { end: number; actor: string },
    onProgress: (p: MaterializeProgress) => void,
  ): Promise<Result<MaterializeSummary>>;
  /** Looks keys (parts joined by U+001F) up online, and offline at the same time, for a service or view. */
  lookup(name: string, keys: string[]): Promise<Result<LookupResult>>;
}
