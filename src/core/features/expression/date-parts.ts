/** Calendar parts of epoch-millisecond datetimes, in UTC (the loader reads zone-less times as UTC too). */
export function dateParts(part: 'year' | 'month' | 'day' | 'hour' | 'weekday', times: Float64Array): Float64Array {
  const out = new Float64Array(times.length);
  for (let r = 0; r < times.length; r++) {
    const t = times[r];
    if (t !== t) {
      out[r] = NaN;
      continue;
    }
    const d = new Date(t);
    switch (part) {
      case 'year':
        out[r] = d.getUTCFullYear();
        break;
      case 'month':
        out[r] = d.getUTCMonth() + 1;
        break;
      case 'day':
        out[r] = d.getUTCDate();
        break;
      case 'hour':
        out[r] = d.getUTCHours();
        break;
      case 'weekday':
        // ISO numbering: Monday 1 … Sunday 7.
        out[r] = ((d.getUTCDay() + 6) % 7) + 1;
        break;
    }
  }
  return out;
}
