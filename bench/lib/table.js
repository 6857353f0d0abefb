/** Small helpers to summarise runs and print aligned text tables. */

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Prints a table with a title; numeric-looking cells are right-aligned.
 * @param {string} title
 * @param {string[]} header
 * @param {(string|number)[][]} rows
 */
export function printTable(title, header, rows) {
  const text = rows.map((r) => r.map(String));
  const widths = header.map((h, i) => text.reduce((w, r) => Math.max(w, (r[i] ?? '').length), h.length));
  const numeric = (s) => /^[-+]?[\d.,]+\s*(%|x|×|ms|s|MB|MB\/s|GB)?$/.test(s);
  const line = (cells) =>
    '| ' + cells.map((c, i) => (numeric(c) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ') + ' |';
  console.log(`\n${title}`);
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of text) console.log(line(r));
}

/** @param {number} n @param {number} [digits] */
export const fixed = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

/** @param {number} bytes */
export const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;
