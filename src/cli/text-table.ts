/**
 * Plain-text helpers for the CLI's human-readable output.
 */

/**
 * Makes untrusted text (cells and header names from a file) safe to print on
 * a terminal: control characters, including ESC and the C1 range that can
 * start terminal escape sequences, become `\uXXXX` escapes, so a crafted CSV
 * cannot move the cursor, recolour or retitle the user's terminal.
 *
 * @example
 * printable('a\nb\u001b[2J') // 'a\\u000ab\\u001b[2J'
 */
export function printable(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Cuts `text` to at most `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * Lays rows out in aligned columns separated by two spaces; `rightAlign[j]`
 * right-aligns column j (numbers read better that way). Trailing spaces are
 * trimmed from each line.
 *
 * @example
 * renderTable(['name', 'n'], [['a', '1'], ['bb', '22']], [false, true])
 * // 'name   n\na      1\nbb    22'
 */
export function renderTable(header: string[], rows: string[][], rightAlign: boolean[] = []): string {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => (r[j] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, j) => (rightAlign[j] ? cell.padStart(widths[j]) : cell.padEnd(widths[j])))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
