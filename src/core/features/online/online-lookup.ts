import type { FeatureViewRecord, OnlineFeatureTable, OnlineValue } from '../definitions/feature-types.ts';
import { parseDuration } from '../join/duration.ts';

/** Feature vectors for a list of entity keys, one row per key, features in view order. */
export interface OnlineVectors {
  features: string[];
  rows: { key: string; values: OnlineValue[] }[];
}

const indexes = new WeakMap<OnlineFeatureTable, Map<string, number>>();

/** The key → row index of a table, built once per table object. */
function indexOf(table: OnlineFeatureTable): Map<string, number> {
  let index = indexes.get(table);
  if (!index) {
    index = new Map(table.keys.map((k, i) => [k, i]));
    indexes.set(table, index);
  }
  return index;
}

/**
 * Looks entity keys up in the online tables of a service's views. A value
 * whose event time is older than `at` − the view's TTL is returned as null,
 * as the training join would give it at `at`; unknown keys get nulls.
 *
 * @example
 * lookupOnline([{ view, table }], ['1042'], Date.parse(table.end)).rows[0].values // [12.5, 3]
 */
export function lookupOnline(
  views: { view: FeatureViewRecord; table: OnlineFeatureTable }[],
  keys: string[],
  at: number,
): OnlineVectors {
  const features = views.flatMap(({ table }) => table.features.map((f) => f.name));
  const ttls = views.map(({ view }) => (view.ttl === null ? Infinity : parseDuration(view.ttl)));
  const rows = keys.map((key) => {
    const values: OnlineValue[] = [];
    views.forEach(({ table }, v) => {
      const row = indexOf(table).get(key);
      const fresh = row !== undefined && table.eventTimes[row] >= at - ttls[v] && table.eventTimes[row] <= at;
      for (const f of table.features) values.push(fresh ? (f.values[row] ?? null) : null);
    });
    return { key, values };
  });
  return { features, rows };
}
