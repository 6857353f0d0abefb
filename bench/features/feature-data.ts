import type { Column, NumericColumn, StringColumn } from '../../src/core/data/types.ts';
import { seededRng } from '../../src/core/random/rng.ts';

const DAY = 86_400_000;
const START = Date.parse('2024-01-01T00:00:00Z');

/** Feature rows (key, event time, created time, two features) and entity rows (key, timestamp), generated from a seed. */
export interface FeatureBenchData {
  source: {
    key: StringColumn;
    event: Float64Array;
    created: Float64Array;
    spend: NumericColumn;
    visits: NumericColumn;
  };
  entities: { key: StringColumn; ts: Float64Array };
}

/** `featureRows` rows spread over `entityCount` keys and a year; one entity row per key at a random time. */
export function featureBenchData(featureRows: number, entityCount: number, seed = 11): FeatureBenchData {
  const rng = seededRng(seed);
  const dictionary = Array.from({ length: entityCount }, (_, i) => `c${i}`);
  const codes = new Int32Array(featureRows);
  const event = new Float64Array(featureRows);
  const created = new Float64Array(featureRows);
  const spend = new Float64Array(featureRows);
  const visits = new Float64Array(featureRows);
  for (let i = 0; i < featureRows; i++) {
    codes[i] = Math.floor(rng() * entityCount);
    event[i] = START + Math.floor(rng() * 365 * 24) * 3_600_000;
    created[i] = event[i] + Math.floor(rng() * 48) * 3_600_000;
    spend[i] = Math.round(rng() * 10_000) / 100;
    visits[i] = Math.floor(rng() * 20);
  }
  const entityCodes = Int32Array.from({ length: entityCount }, (_, i) => i);
  const ts = Float64Array.from({ length: entityCount }, () => START + rng() * 365 * DAY);
  const column = (name: string, c: Int32Array): StringColumn => ({ name, type: 'category', codes: c, dictionary });
  return {
    source: {
      key: column('customer', codes),
      event,
      created,
      spend: { name: 'spend', type: 'number', values: spend },
      visits: { name: 'visits', type: 'integer', values: visits },
    },
    entities: { key: column('customer', entityCodes), ts },
  };
}

export type { Column };
