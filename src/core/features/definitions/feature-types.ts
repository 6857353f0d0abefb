/**
 * The stored records of the feature store. Entities and services are keyed by
 * name; a feature view is stored once per version (`name@version`), a new
 * version whenever its definition changes, so runs can name exactly what
 * they used.
 */

/** A business object features describe, and the column(s) that identify it. */
export interface FeatureEntity {
  name: string;
  joinKeys: string[];
  description: string;
}

/** One feature: a name and an expression over the source's columns (a column name is one). */
export interface FeatureDefinition {
  name: string;
  expression: string;
}

/** What a user writes for a feature view (features.json, the Features form). */
export interface FeatureViewDefinition {
  name: string;
  entity: string;
  /** Dataset name; the newest version of that name is resolved when the view is applied. */
  source: string;
  eventTime: string;
  created: string | null;
  /** Oldest usable row before a row's time, e.g. `7d`; null: no limit. */
  ttl: string | null;
  features: FeatureDefinition[];
}

/** A stored feature view version. */
export interface FeatureViewRecord extends FeatureViewDefinition {
  /** `name@version`. */
  id: string;
  version: number;
  /** The dataset version the source name resolved to. */
  sourceVersionId: string;
  /** The entity's join keys when applied. */
  joinKeys: string[];
  /** SHA-256 of the canonical definition (with the source version): equal hash, same version. */
  definitionHash: string;
  createdAt: string;
}

/** A named set of feature views served together (a model's inputs). */
export interface FeatureService {
  name: string;
  /** View names: each is served at its newest version. */
  views: string[];
  description: string;
  /**
   * Stored services only: 1, then one more each time its views or
   * description change (the `features.applied` events keep each version's
   * content). Absent on services stored before services were versioned: 1.
   */
  version?: number;
}

/** Everything a features.json holds. */
export interface FeatureDefinitions {
  entities: FeatureEntity[];
  featureViews: FeatureViewDefinition[];
  featureServices: FeatureService[];
}

/** A cell of the online store: numbers (NaN stored as null), text, or missing. */
export type OnlineValue = number | string | null;

/**
 * The online store of one feature view: the latest feature values per entity
 * as of `end`, one row per entity key. Keyed by the view's name; one record
 * per view keeps materialization a single audited write.
 */
export interface OnlineFeatureTable {
  view: string;
  /** The feature view version materialized. */
  viewId: string;
  /** ISO time up to which event times were read; the next incremental run starts after it. */
  end: string;
  /** The entity key of each row, parts joined by U+001F. */
  keys: string[];
  /** Event time (ms) of the feature row each entity got. */
  eventTimes: number[];
  features: { name: string; type: string; values: OnlineValue[] }[];
  materializedAt: string;
}
