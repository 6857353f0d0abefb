/**
 * Display formatting shared by the views. Fixed to en-US so the page reads
 * the same on every machine (and in the browser tests).
 */
import type { ColumnType } from '../../core/data/types.ts';
export { formatBytes } from '../../core/format-bytes.ts';

const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6 });
const DAY_MS = 86_400_000;

/** A count or measurement: integers exactly, other numbers to 6 significant digits. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  return Number.isInteger(value) ? integerFormat.format(value) : decimalFormat.format(value);
}

/** Epoch milliseconds as an ISO date, with the time only when it is not midnight UTC. */
export function formatInstant(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

/**
 * A statistic of a column in the column's own terms: datetimes as ISO dates
 * (and a spread as days), everything else as a number.
 */
export function formatStat(type: ColumnType, stat: string, value: number): string {
  if (type === 'datetime') {
    return stat === 'std' ? `${formatNumber(value / DAY_MS)} days` : formatInstant(value);
  }
  return formatNumber(value);
}

/** The first 12 hex digits of a content hash: enough to tell versions apart on screen. */
export function shortId(id: string | null | undefined): string {
  return id ? id.slice(0, 12) : '—';
}

/** An ISO timestamp as local date and time, to the second. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}
