/**
 * What the per-entity timeline shows, free of any layout: for one entity,
 * its feature rows (event and created times) and its training rows, each
 * linked to the feature row the point-in-time join gave it, or with the
 * reason it got none, next to the row a naive latest-value join would take.
 */

/** Why a training row got the feature row it got (or none). */
export type PickStatus =
  /** A feature row at or before the row's time, inside the TTL window. */
  | 'matched'
  /** Feature rows exist at or before the row's time, but all are older than the TTL allows. */
  | 'expired'
  /** The rows inside the window were all created after the row's time (backfill protection skipped them). */
  | 'created-later'
  /** The entity's feature rows all lie after the row's time. */
  | 'only-future'
  /** The entity has no feature row in this view. */
  | 'no-feature-rows'
  /** The training row has no time. */
  | 'no-time';

/** One training (entity table) row and what each view gave it. */
export interface TimelineRow {
  /** Position in the entity table, 0-based. */
  row: number;
  /** The row's time in ms; null when missing. */
  time: number | null;
}

/** One source row of a view, for the entity. */
export interface TimelineFeatureRow {
  /** Position in the view's source, 0-based. */
  row: number;
  eventTime: number;
  /** Created (ingestion) time in ms; null when the view has none or it is missing. */
  createdTime: number | null;
}

/** A training row's pick in one view. */
export interface TimelineLink {
  /** The training row (`TimelineRow.row`). */
  row: number;
  /** The feature row given (`TimelineFeatureRow.row`); null when none qualified. */
  picked: number | null;
  status: PickStatus;
  /** The row a naive join (the entity's newest) would give; null when the entity has none. */
  naive: number | null;
  /** The naive pick lies after the row's time: a value from its future. */
  naiveFuture: boolean;
  /** Oldest event time the TTL allows for this row (ms); null: no TTL or no time. */
  windowStart: number | null;
}

/** One view's lane on the timeline. */
export interface ViewTimeline {
  viewId: string;
  ttlMs: number | null;
  /** The entity's feature rows, by event time. */
  featureRows: TimelineFeatureRow[];
  /** One per training row, in the order of `EntityTimeline.rows`. */
  links: TimelineLink[];
}

/** Everything one entity's timeline shows. */
export interface EntityTimeline {
  /** The entity's key text (parts joined by U+001F). */
  key: string;
  /** The entity's training rows, by time (rows without time last). */
  rows: TimelineRow[];
  views: ViewTimeline[];
  /** Rows or feature rows were left out beyond the limit. */
  truncated: boolean;
}

/** An entity in the picker: how many of its rows a naive join leaks into and how many got nothing. */
export interface TimelineEntity {
  key: string;
  rows: number;
  /** Rows whose naive pick, in any view, is from their future. */
  leaked: number;
  /** Rows some view gave no feature row. */
  unmatched: number;
}
