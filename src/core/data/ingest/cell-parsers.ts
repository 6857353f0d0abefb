/**
 * Readers for single CSV cells, working on a slice of the file's text
 * without copying it. They return NaN (or null) for "not this kind of value"
 * so that type inference can count, over every row, what each column holds.
 */

/** Cells that mean "no value" (compared after trimming spaces). */
export const MISSING_TOKENS = new Set([
  '',
  'NA',
  'N/A',
  'n/a',
  'na',
  'NaN',
  'nan',
  'null',
  'NULL',
  'Null',
  'None',
  '#N/A',
  '?',
]);

/** Exact powers of ten: a decimal with ≤ 15 significant digits and such a power converts correctly rounded (Clinger's fast path). */
const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
  1e21, 1e22,
];

/** What {@link readNumber} found. */
export const NumberKind = { NotNumber: 0, Integer: 1, Decimal: 2 } as const;
export type NumberKind = (typeof NumberKind)[keyof typeof NumberKind];

/** Result slot for {@link readNumber}, reused to avoid allocating per cell. */
export interface NumberRead {
  kind: NumberKind;
  value: number;
}

/**
 * Reads a plain decimal number (`-12`, `3.5`, `.5`, `1e-3`) from
 * `text[s, e)`. Leading zeros (`007`), thousands separators, `Infinity`,
 * hex and integers too large to hold exactly are *not* numbers: reading them
 * as numbers would lose information (zip codes, long ids).
 */
export function readNumber(text: string, s: number, e: number, out: NumberRead): void {
  out.kind = NumberKind.NotNumber;
  let i = s;
  let negative = false;
  let c = text.charCodeAt(i);
  if (c === 45 || c === 43) {
    negative = c === 45;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let significant = 0;
  let intDigits = 0;
  let exp10 = 0;
  const intStart = i;
  while (i < e && (c = text.charCodeAt(i)) >= 48 && c <= 57) {
    if (significant > 0 || c !== 48) significant++;
    mantissa = mantissa * 10 + (c - 48);
    i++;
  }
  intDigits = i - intStart;
  if (intDigits > 1 && text.charCodeAt(intStart) === 48) return; // leading zero: a code, not a quantity
  let isInteger = true;
  if (i < e && text.charCodeAt(i) === 46) {
    isInteger = false;
    i++;
    while (i < e && (c = text.charCodeAt(i)) >= 48 && c <= 57) {
      if (significant > 0 || c !== 48) significant++;
      mantissa = mantissa * 10 + (c - 48);
      exp10--;
      digits++;
      i++;
    }
  }
  if (intDigits + digits === 0) return;
  if (i < e && ((c = text.charCodeAt(i)) === 101 || c === 69)) {
    isInteger = false;
    i++;
    let expNegative = false;
    c = text.charCodeAt(i);
    if (c === 45 || c === 43) {
      expNegative = c === 45;
      i++;
    }
    const expStart = i;
    let exp = 0;
    while (i < e && (c = text.charCodeAt(i)) >= 48 && c <= 57) {
      exp = exp * 10 + (c - 48);
      i++;
    }
    if (i === expStart) return;
    exp10 += expNegative ? -exp : exp;
  }
  if (i !== e) return;
  if (isInteger) {
    if (significant > 15 && !Number.isSafeInteger(mantissa)) return; // would lose digits: treat as text
    out.kind = NumberKind.Integer;
    out.value = negative ? -mantissa : mantissa;
    return;
  }
  let value: number;
  if (significant <= 15 && exp10 >= -22 && exp10 <= 22) {
    value = exp10 < 0 ? mantissa / POW10[-exp10] : mantissa * POW10[exp10];
  } else {
    value = Number(text.slice(s, e));
  }
  if (!Number.isFinite(value)) return;
  out.kind = NumberKind.Decimal;
  out.value = negative && value > 0 ? -value : value;
}

/** `true`/`false`/`yes`/`no` in any case → 1/0; anything else → NaN. */
export function readBoolean(text: string, s: number, e: number): number {
  const len = e - s;
  if (len < 2 || len > 5) return NaN;
  const c = text.charCodeAt(s) | 0x20; // lower-case ASCII letter
  if (c !== 116 && c !== 102 && c !== 121 && c !== 110) return NaN; // t f y n
  const word = text.slice(s, e).toLowerCase();
  if (word === 'true' || word === 'yes') return 1;
  if (word === 'false' || word === 'no') return 0;
  return NaN;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * ISO 8601 dates and date-times (`2024-01-15`, `2024/01/15`,
 * `2024-01-15T10:30`, `2024-01-15 10:30:00.250+02:00`, `…Z`) → epoch ms.
 * A time without a zone is read as UTC, so a file gives the same data on
 * every machine. Ambiguous forms such as `01/02/2024` are not dates.
 */
export function readDateTime(text: string, s: number, e: number): number {
  const len = e - s;
  if (len < 10 || len > 35) return NaN;
  const sep = text.charCodeAt(s + 4);
  if ((sep !== 45 && sep !== 47) || text.charCodeAt(s + 7) !== sep) return NaN;
  const year = digitsAt(text, s, 4);
  const month = digitsAt(text, s + 5, 2);
  const day = digitsAt(text, s + 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return NaN;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1])) return NaN;
  if (len === 10) return Date.UTC(year, month - 1, day);

  const t = text.charCodeAt(s + 10);
  if ((t !== 84 && t !== 32) || len < 16 || text.charCodeAt(s + 13) !== 58) return NaN;
  const hour = digitsAt(text, s + 11, 2);
  const minute = digitsAt(text, s + 14, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
  let i = s + 16;
  let second = 0;
  let ms = 0;
  if (i < e && text.charCodeAt(i) === 58) {
    second = digitsAt(text, i + 1, 2);
    if (second < 0 || second > 59) return NaN;
    i += 3;
    if (i < e && text.charCodeAt(i) === 46) {
      i++;
      let scale = 100;
      const fracStart = i;
      for (let c = text.charCodeAt(i); i < e && c >= 48 && c <= 57; c = text.charCodeAt(++i)) {
        ms += (c - 48) * scale;
        scale /= 10;
      }
      if (i === fracStart) return NaN;
    }
  }
  let offsetMinutes = 0;
  if (i < e) {
    const z = text.charCodeAt(i);
    if (z === 90 && i + 1 === e) i++;
    else if (z === 43 || z === 45) {
      const oh = digitsAt(text, i + 1, 2);
      let j = i + 3;
      if (text.charCodeAt(j) === 58) j++;
      const om = j < e ? digitsAt(text, j, 2) : 0;
      if (oh < 0 || om < 0 || (j < e && j + 2 !== e) || (j >= e && j !== e)) return NaN;
      offsetMinutes = (z === 45 ? -1 : 1) * (oh * 60 + om);
      i = e;
    }
  }
  if (i !== e) return NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second, Math.round(ms)) - offsetMinutes * 60_000;
}

function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let k = 0; k < count; k++) {
    const c = text.charCodeAt(at + k);
    if (c < 48 || c > 57) return -1;
    value = value * 10 + (c - 48);
  }
  return value;
}
