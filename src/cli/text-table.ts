/**
 * Plain-text helpers for the CLI's human-readable output.
 */

/**
 * Makes untrusted text (cells and header names from a file) safe to print on
 * a terminal: control characters, including ESC and the C1 range that can
 * start terminal escape sequences, become `\uXXXX` escapes, so a crafted CSV
 * cannot move the cursor, recolour or retitle the user's terminal. Unicode
 * bidirectional controls (e.g. U+202E RIGHT-TO-LEFT OVERRIDE) and invisible
 * characters are escaped too: they reorder or hide the rest of the line, so
 * what the terminal shows would not be what the file holds.
 *
 * @example
 * printable('a\nb\u001b[2J') // 'a\\u000ab\\u001b[2J'
 * printable('x\u202Eabc') // 'x\\u202eabc'
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** C0/C1 controls, line/paragraph separators, bidi controls (LRM, RLM, ALM, embeddings, overrides, isolates), zero-width characters and the BOM. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
/** The same less C0, which JSON.stringify escapes inside strings and which its layout (newlines) needs. */
const UNPRINTABLE_IN_JSON = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * JSON text made terminal-safe like {@link printable}: JSON.stringify already
 * escapes C0 controls; this escapes the C1 range and the bidi and invisible
 * characters as `\uXXXX`, which still parses to the same strings.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(UNPRINTABLE_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
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
  // Folded, not spread into Math.max: a spread of many rows overflows the call stack.
  const widths = header.map((h, j) => rows.reduce((w, r) => Math.max(w, (r[j] ?? '').length), h.length));
  const line = (cells: string[]) =>
    cells
      .map((cell, j) => (rightAlign[j] ? cell.padStart(widths[j]) : cell.padEnd(widths[j])))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
