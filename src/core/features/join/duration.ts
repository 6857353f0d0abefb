import { WorkbenchError } from '../../errors.ts';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * A TTL or window written as a number and a unit (s, m, h, d, w) in milliseconds.
 *
 * @throws WorkbenchError `features.bad_ttl`
 * @example
 * parseDuration('7d') // 604800000
 * parseDuration('12h') // 43200000
 */
export function parseDuration(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$/.exec(text);
  const ms = match ? Number(match[1]) * UNIT_MS[match[2]] : NaN;
  if (!(ms > 0)) {
    throw new WorkbenchError(
      'features.bad_ttl',
      `"${text}" is not a duration. Write a positive number and a unit, e.g. 7d, 12h, 30m or 45s.`,
    );
  }
  return ms;
}

/** A duration in milliseconds as the shortest exact text (`604800000` → `7d`). */
export function formatDuration(ms: number): string {
  for (const unit of ['w', 'd', 'h', 'm'] as const) {
    if (ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${ms / 1000}s`;
}
