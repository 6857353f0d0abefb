import { WorkbenchError } from '../../errors.ts';

/** Receives the fields of a CSV as the scanner finds them, without copying them. */
export interface FieldSink {
  /** Called once with the header row, before any data field. */
  begin(header: string[]): void;
  /**
   * One data field: `text[s, e)` of column `col` in data row `row`; `escaped`
   * when it was quoted and still holds doubled quotes (`""`). Fields of a row
   * that turns out ragged are sent too; the scan then throws at the end.
   */
  field(row: number, col: number, s: number, e: number, escaped: boolean): void;
}

export interface ScanResult {
  header: string[];
  columnCount: number;
  rowCount: number;
  /** 1-based line where each data row starts, for messages. */
  rowLines: Uint32Array;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Splits CSV text into fields (RFC 4180 quoting; LF, CRLF and CR line ends,
 * mixed freely; blank lines skipped) and hands each to `sink` while its text
 * is still in cache. Written by hand rather than using Arquero's `fromCSV`
 * because that drops extra cells silently, gives `undefined` for missing
 * ones and types columns from the first 1,000 values only; here every row is
 * checked and types are inferred over all of them, in one pass (measured
 * 1.5× PapaParse with dynamicTyping; see bench/README.md).
 *
 * @throws WorkbenchError `csv.unterminated_quote`, `csv.bad_quote`, `csv.ragged_rows`
 */
export function scanCsv(
  text: string,
  delimiter: string,
  sink: FieldSink,
  onProgress?: (fraction: number) => void,
): ScanResult {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let rowLines = new Uint32Array(Math.max(256, (n / 40) | 0));
  let header: string[] | null = null;
  let columnCount = 0;
  let rowCount = 0;
  const ragged: { line: number; fields: number }[] = [];
  let raggedTotal = 0;

  const step = 1 << 22;
  let nextReport = step;
  let i = 0;
  let line = 1;

  while (i < n) {
    const first = text.charCodeAt(i);
    if (first === LF || first === CR) {
      i += first === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      continue;
    }
    if (onProgress && i >= nextReport) {
      onProgress(i / n);
      nextReport += step;
    }
    const rowLine = line;
    const names: string[] | null = header ? null : [];
    let col = 0;
    for (;;) {
      let s: number;
      let e: number;
      let escaped = false;
      if (text.charCodeAt(i) === QUOTE) {
        const openLine = line;
        s = ++i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) throw unterminated(openLine);
          for (let k = i; k < q; k++) if (text.charCodeAt(k) === LF) line++;
          if (text.charCodeAt(q + 1) === QUOTE) {
            escaped = true;
            i = q + 2;
            continue;
          }
          e = q;
          i = q + 1;
          break;
        }
        const after = i < n ? text.charCodeAt(i) : LF;
        if (after !== d && after !== LF && after !== CR) throw badQuote(text, line, s, e, i);
      } else {
        s = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === d || c === LF || c === CR) break;
          i++;
        }
        e = i;
      }
      if (names) names.push(unescape(text.slice(s, e), escaped));
      else if (col < columnCount) sink.field(rowCount, col, s, e, escaped);
      col++;

      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === d) {
        i++;
        if (i < n && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) continue;
        // A delimiter at the end of a line opens one more, empty, field.
        if (names) names.push('');
        else if (col < columnCount) sink.field(rowCount, col, i, i, false);
        col++;
        if (i >= n) break;
      }
      i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }

    if (names) {
      header = names;
      columnCount = names.length;
      sink.begin(names);
      continue;
    }
    if (col !== columnCount) {
      raggedTotal++;
      if (ragged.length < 3) ragged.push({ line: rowLine, fields: col });
      continue; // the next row reuses this row index; the scan throws at the end anyway
    }
    if (rowCount === rowLines.length) rowLines = grow(rowLines);
    rowLines[rowCount++] = rowLine;
  }

  if (raggedTotal > 0) {
    const examples = ragged.map((r) => `line ${r.line} has ${r.fields}`).join(', ');
    throw new WorkbenchError(
      'csv.ragged_rows',
      `${raggedTotal} row${raggedTotal === 1 ? ' does' : 's do'} not have the header's ${columnCount} fields (${examples}). ` +
        'Make every row have one value per column (leave a cell empty for a missing value, and quote cells that contain the delimiter), then load the file again.',
      { details: { ragged, raggedTotal, columnCount } },
    );
  }
  onProgress?.(1);
  return { header: header ?? [], columnCount, rowCount, rowLines: rowLines.subarray(0, rowCount) };
}

/** The text of a quoted field, with doubled quotes made single. */
export function unescape(raw: string, escaped: boolean): string {
  return escaped ? raw.replaceAll('""', '"') : raw;
}

function unterminated(openLine: number): WorkbenchError {
  return new WorkbenchError(
    'csv.unterminated_quote',
    `The quoted field that starts on line ${openLine} is never closed, so the rest of the file would be one cell. ` +
      'Add the missing closing quote (") or remove the stray opening one, then load the file again.',
  );
}

function badQuote(text: string, line: number, s: number, e: number, i: number): WorkbenchError {
  const snippet = text.slice(Math.max(s, e - 10), e + 1) + text.slice(i, i + 10).split(/[\r\n]/)[0];
  return new WorkbenchError(
    'csv.bad_quote',
    `Line ${line}: there is text right after a closing quote (${JSON.stringify(snippet)}). ` +
      'Quote the whole cell and write a quote inside it as two quotes (""), then load the file again.',
  );
}

function grow(array: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  const next = new Uint32Array(array.length * 2);
  next.set(array);
  return next;
}
