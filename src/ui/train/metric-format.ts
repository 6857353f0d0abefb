/** How metric values read on screen: four decimals, a dash where there is none. */

/** A score or loss to 4 decimals; `—` for null or NaN. */
export function formatMetric(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  return value.toFixed(4);
}

/** A duration: milliseconds below a second, seconds with one decimal above. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
