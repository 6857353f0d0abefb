const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Milliseconds since the epoch for an ISO 8601 date or date-time written in
 * an expression ('2024-01-31', '2024-01-31T08:00', '…Z'); a time without a
 * zone is UTC, like the loader's datetimes. NaN when the text is not one.
 *
 * @example
 * parseDateLiteral('2024-01-02') // 1704153600000
 */
export function parseDateLiteral(text: string): number {
  const match = ISO.exec(text.trim());
  if (!match) return NaN;
  const iso = text.trim().replace(' ', 'T');
  const withZone = iso.length > 10 && !match[1] ? `${iso}Z` : iso;
  const ms = Date.parse(withZone);
  return Number.isFinite(ms) ? ms : NaN;
}
