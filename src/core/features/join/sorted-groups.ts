/**
 * Source rows ordered by key group, then event time, then created time, then
 * file order: `order[offsets[g] … offsets[g + 1])` are group g's rows, oldest
 * first. Rows without a key or an event time are left out.
 */
export interface SortedGroups {
  order: Int32Array;
  offsets: Int32Array;
}

/**
 * Counting sort by group (linear), then a sort of each group's short run by
 * time. Sorting 1,000,000 indices with one comparator over (group, time) is
 * several times slower, because most of the comparisons it makes are between
 * groups that a counting sort separates for free.
 */
export function sortGroups(
  groups: Int32Array,
  groupCount: number,
  eventTimes: Float64Array,
  createdTimes: Float64Array | undefined,
): SortedGroups {
  const offsets = new Int32Array(groupCount + 1);
  for (let r = 0; r < groups.length; r++) {
    if (groups[r] >= 0 && !Number.isNaN(eventTimes[r])) offsets[groups[r] + 1]++;
  }
  for (let g = 0; g < groupCount; g++) offsets[g + 1] += offsets[g];
  const order = new Int32Array(offsets[groupCount]);
  const next = offsets.slice(0, groupCount);
  for (let r = 0; r < groups.length; r++) {
    if (groups[r] >= 0 && !Number.isNaN(eventTimes[r])) order[next[groups[r]]++] = r;
  }
  // Missing created times sort first among equal event times: a known
  // creation is the later correction.
  const created = createdTimes ?? null;
  const before = (a: number, b: number): number => {
    const d = eventTimes[a] - eventTimes[b];
    if (d !== 0) return d;
    if (created) {
      const ca = Number.isNaN(created[a]) ? -Infinity : created[a];
      const cb = Number.isNaN(created[b]) ? -Infinity : created[b];
      if (ca !== cb) return ca < cb ? -1 : 1;
    }
    return a - b;
  };
  for (let g = 0; g < groupCount; g++) {
    const start = offsets[g];
    const end = offsets[g + 1];
    if (end - start <= 24) insertionSort(order, start, end, before);
    else order.subarray(start, end).sort(before);
  }
  return { order, offsets };
}

function insertionSort(order: Int32Array, start: number, end: number, before: (a: number, b: number) => number): void {
  for (let i = start + 1; i < end; i++) {
    const row = order[i];
    let j = i - 1;
    while (j >= start && before(order[j], row) > 0) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = row;
  }
}
