/**
 * Writes rows as RFC 4180 CSV (CRLF line ends). Cells that a spreadsheet
 * would run as a formula (starting with = + - @, a tab or a carriage return)
 * are prefixed with a single quote, as OWASP advises against CSV injection;
 * plain negative numbers are left alone.
 *
 * @example
 * toCsv(['a'], [["=cmd|' /C calc'!A0"]]) // 'a\r\n"\'=cmd|\' /C calc\'!A0"\r\n'
 */
export function toCsv(header: string[], rows: string[][]): string {
  const lines = [header, ...rows].map((row) => row.map(escapeCell).join(','));
  return lines.join('\r\n') + '\r\n';
}

const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** One cell, neutralised against formula injection and quoted when needed. */
export function escapeCell(value: string): string {
  let cell = value;
  if (/^[=+\-@\t\r]/.test(cell) && !NUMBER.test(cell)) cell = `'${cell}`;
  return /[",\r\n']/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
