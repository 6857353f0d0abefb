/** Delimiters we recognise, in order of preference on a tie. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * Picks the delimiter from the first lines: the candidate that appears
 * outside quotes the same, non-zero number of times on the most lines.
 * Falls back to a comma (a one-column file has no delimiter at all).
 *
 * @example
 * detectDelimiter('a;b;c\n1;2;3\n') // ';'
 */
export function detectDelimiter(text: string, maxLines = 50): Delimiter {
  const lines = sampleLines(text, maxLines);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, d));
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    // Lines agreeing with the header count, weighted by how many columns that makes.
    const agreeing = counts.filter((c) => c === header).length;
    const score = agreeing * 1000 + header;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** The first lines of `text`, treating quoted newlines as part of a line. */
function sampleLines(text: string, maxLines: number): string[] {
  const lines: string[] = [];
  let start = 0;
  let inQuotes = false;
  const limit = Math.min(text.length, 1 << 20);
  for (let i = 0; i < limit && lines.length < maxLines; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (!inQuotes && (c === 10 || c === 13)) {
      if (i > start) lines.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (lines.length < maxLines && start < limit) lines.push(text.slice(start, limit));
  return lines;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === delimiter) count++;
  }
  return count;
}
