/**
 * What the per-entity timeline adds to a join preview: coding the keys of
 * both tables, counting rows, leaks and misses per entity, and one
 * entity's timeline (median of `runs` after a warm-up, wall ms).
 */
import { performance } from 'node:perf_hooks';
import { joinPointInTime } from '../../src/core/features/join/point-in-time-join.ts';
import { entityTimeline, keyCodes, timelineEntities } from '../../src/core/features/timeline/index.ts';
import { featureBenchData } from './feature-data.ts';

const DAY = 86_400_000;

export function timelineCost(
  rows: number,
  entities: number,
  runs: number,
): { keyCodesMs: number; entitiesMs: number; entityMs: number; listed: number; total: number } {
  const data = featureBenchData(rows, entities);
  const join = joinPointInTime({
    entityKeys: [data.entities.key],
    timestamps: data.entities.ts,
    sourceKeys: [data.source.key],
    eventTimes: data.source.event,
    createdTimes: data.source.created,
    ttlMs: 30 * DAY,
  });
  const times = { keyCodesMs: [] as number[], entitiesMs: [] as number[], entityMs: [] as number[] };
  let listed = 0;
  let total = 0;
  for (let run = 0; run < runs + 1; run++) {
    let started = performance.now();
    const keys = keyCodes([data.entities.key], [data.source.key], entities, rows);
    const keyCodesMs = performance.now() - started;
    const input = {
      timestamps: data.entities.ts,
      views: [
        {
          viewId: 'spend@1',
          ttlMs: 30 * DAY,
          keys,
          eventTimes: data.source.event,
          createdTimes: data.source.created,
          matches: join.matches,
          naive: join.naive,
        },
      ],
    };
    started = performance.now();
    const list = timelineEntities(input);
    const entitiesMs = performance.now() - started;
    started = performance.now();
    entityTimeline(input, list.first ?? '');
    const entityMs = performance.now() - started;
    if (run === 0) continue;
    times.keyCodesMs.push(keyCodesMs);
    times.entitiesMs.push(entitiesMs);
    times.entityMs.push(entityMs);
    listed = list.entities.length;
    total = list.total;
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    keyCodesMs: median(times.keyCodesMs),
    entitiesMs: median(times.entitiesMs),
    entityMs: median(times.entityMs),
    listed,
    total,
  };
}
