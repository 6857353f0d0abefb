import type { ViewFrame } from '../compute/view-features.ts';
import type { FeatureViewRecord, OnlineFeatureTable, OnlineValue } from '../definitions/feature-types.ts';
import { keyTextAt } from '../join/key-groups.ts';
import { joinPointInTime } from '../join/point-in-time-join.ts';
import { takeRows } from '../join/take-rows.ts';
import { onlineValue } from './online-value.ts';

/**
 * The latest feature values of every entity as of `end`, merged into the
 * view's previous online table. Incremental: when `previous` holds the same
 * view version, only source rows with event times after its end (and ≤
 * `end`) are read, and an entity keeps its stored values unless a newer row
 * arrived. The per-entity pick is the point-in-time join itself (one entity
 * row per key, at `end`), so serving reads exactly what training would at
 * that time.
 */
export function materializeView(
  view: FeatureViewRecord,
  frame: ViewFrame,
  end: number,
  previous: OnlineFeatureTable | undefined,
  materializedAt: string,
): OnlineFeatureTable {
  const incremental = previous !== undefined && previous.viewId === view.id;
  const start = incremental ? Date.parse(previous.end) : -Infinity;
  // Rows outside (start, end] get no event time, so the join never picks them.
  const windowed = frame.eventTimes.map((t) => (t > start && t <= end ? t : NaN));
  const firstRow = new Map<string, number>();
  for (let r = 0; r < windowed.length; r++) {
    if (Number.isNaN(windowed[r])) continue;
    const key = keyTextAt(frame.keys, r);
    if (key !== '' && !firstRow.has(key)) firstRow.set(key, r);
  }
  const rows = Int32Array.from(firstRow.values());
  const { matches } = joinPointInTime({
    entityKeys: frame.keys.map((k) => takeRows(k, rows)),
    timestamps: new Float64Array(rows.length).fill(end),
    sourceKeys: frame.keys,
    eventTimes: windowed,
    createdTimes: frame.createdTimes,
  });
  const keys = incremental ? [...previous.keys] : [];
  const eventTimes = incremental ? [...previous.eventTimes] : [];
  const features = frame.features.map((f, i) => ({
    name: f.name,
    type: f.type,
    values:
      incremental && previous.features[i]?.name === f.name ? [...previous.features[i].values] : ([] as OnlineValue[]),
  }));
  const position = new Map(keys.map((k, i) => [k, i]));
  [...firstRow.keys()].forEach((key, i) => {
    const m = matches[i];
    if (m < 0) return;
    let at = position.get(key);
    if (at === undefined) {
      at = keys.length;
      keys.push(key);
      position.set(key, at);
    }
    eventTimes[at] = frame.eventTimes[m];
    frame.features.forEach((f, j) => (features[j].values[at] = onlineValue(f, m)));
  });
  return {
    view: view.name,
    viewId: view.id,
    end: new Date(end).toISOString(),
    keys,
    eventTimes,
    features,
    materializedAt,
  };
}
