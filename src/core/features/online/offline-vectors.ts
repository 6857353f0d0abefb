import type { Column } from '../../data/types.ts';
import type { ViewFrame } from '../compute/view-features.ts';
import type { FeatureViewRecord } from '../definitions/feature-types.ts';
import { historicalFeatures } from '../retrieval/historical-features.ts';
import type { OnlineVectors } from './online-lookup.ts';
import { onlineValue } from './online-value.ts';

const SEPARATOR = '\u001f';

/**
 * The feature vectors offline retrieval gives the same keys at time `at`:
 * one entity row per key (its parts split on U+001F into the first view's
 * join-key columns) through the point-in-time join, cells read as the online
 * store keeps them. Put next to {@link lookupOnline}'s answer, equal vectors
 * show that serving reads what training would have read at that time.
 *
 * @example
 * offlineVectors([{ view, frame }], ['IBM'], Date.parse('1955-01-01')).rows[0].values // [0.57, 33.1]
 */
export function offlineVectors(
  views: { view: FeatureViewRecord; frame: ViewFrame }[],
  keys: string[],
  at: number,
): OnlineVectors {
  const joinKeys = views[0]?.view.joinKeys ?? [];
  const columns: Column[] = joinKeys.map((name, part) => {
    const dictionary: string[] = [];
    const codes = Int32Array.from(keys, (key) => {
      const text = key.split(SEPARATOR)[part];
      if (text === undefined || text === '') return -1;
      let code = dictionary.indexOf(text);
      if (code < 0) code = dictionary.push(text) - 1;
      return code;
    });
    return { name, type: 'text' as const, codes, dictionary };
  });
  const time = '\u0000at';
  columns.push({ name: time, type: 'datetime', values: new Float64Array(keys.length).fill(at) });
  const joined = historicalFeatures({ rowCount: keys.length, columns }, time, views);
  const added = joined.table.columns.slice(columns.length);
  return {
    features: added.map((c) => c.name),
    rows: keys.map((key, r) => ({ key, values: added.map((c) => onlineValue(c, r)) })),
  };
}
