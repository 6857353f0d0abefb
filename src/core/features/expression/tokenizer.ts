import type { ExpressionError, Span } from './ast.ts';

export type TokenKind = 'number' | 'duration' | 'string' | 'name' | 'quoted' | 'op' | 'end';

export interface Token extends Span {
  kind: TokenKind;
  /** The source text, except for strings and quoted names, where it is the unescaped content. */
  text: string;
}

/** Duration units a window may use, in milliseconds. */
export const DURATION_UNITS: Readonly<Record<string, number>> = { d: 86_400_000, h: 3_600_000 };

const OPERATORS = ['==', '!=', '<=', '>=', '<', '>', '=', '+', '-', '*', '/', '%', '(', ')', '[', ']', ','];
/** JavaScript spellings people type by habit, with what to write instead. */
const HABITS: Readonly<Record<string, string>> = { '&&': 'and', '||': 'or', '!': 'not' };
const NAME_START = /[\p{L}_]/u;
const NAME_PART = /[\p{L}\p{N}_]/u;

/**
 * Splits expression text into tokens, or returns the first lexical error.
 *
 * @example
 * tokenize('mean(amount, 7d)') // name, (, name, ',', duration, ), end
 */
export function tokenize(text: string): { ok: true; tokens: Token[] } | { ok: false; error: ExpressionError } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const match = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(text.slice(i));
      i += match ? match[0].length : 1;
      let unit = '';
      while (i < text.length && NAME_PART.test(text[i])) unit += text[i++];
      if (unit === '') tokens.push({ kind: 'number', text: text.slice(start, i), start, end: i });
      else if (Object.hasOwn(DURATION_UNITS, unit))
        tokens.push({ kind: 'duration', text: text.slice(start, i), start, end: i });
      else {
        const message = `'${text.slice(start, i)}' is not a number or a duration: write a number, or a window length such as 7d (days) or 12h (hours)`;
        return { ok: false, error: { message, start, end: i } };
      }
      continue;
    }
    if (NAME_START.test(c)) {
      while (i < text.length && NAME_PART.test(text[i])) i++;
      tokens.push({ kind: 'name', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      const quoted = readQuoted(text, i);
      if (!quoted.ok) return quoted;
      tokens.push({ kind: c === '`' ? 'quoted' : 'string', text: quoted.value, start, end: quoted.end });
      i = quoted.end;
      continue;
    }
    const habit = Object.keys(HABITS).find((h) => text.startsWith(h, i) && !text.startsWith('!=', i));
    if (habit) {
      const message = `'${habit}' is not part of the language: write '${HABITS[habit]}'`;
      return { ok: false, error: { message, start, end: i + habit.length } };
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (!op) {
      return { ok: false, error: { message: `Unexpected character '${c}'`, start, end: i + 1 } };
    }
    i += op.length;
    tokens.push({ kind: 'op', text: op === '=' ? '==' : op, start, end: i });
  }
  tokens.push({ kind: 'end', text: '', start: text.length, end: text.length });
  return { ok: true, tokens };
}

/** Reads a quoted string or name starting at `at`; a backslash escapes the next character. */
function readQuoted(
  text: string,
  at: number,
): { ok: true; value: string; end: number } | { ok: false; error: ExpressionError } {
  const quote = text[at];
  let value = '';
  let i = at + 1;
  while (i < text.length && text[i] !== quote) {
    if (text[i] === '\\' && i + 1 < text.length) i++;
    value += text[i++];
  }
  if (i >= text.length) {
    const what = quote === '`' ? 'column name' : 'string';
    return { ok: false, error: { message: `Unclosed ${what}: add the closing ${quote}`, start: at, end: text.length } };
  }
  return { ok: true, value, end: i + 1 };
}
