import { WorkbenchError } from '../errors.ts';

/**
 * Where every field of a CSV text is, without copying it. Field `k` of data
 * row `r` is `text.slice(starts[r * columnCount + k], ends[…])`; fields in
 * `escaped` were quoted and still hold doubled quotes (`""`).
 */
export interface ScannedCsv {
  text: string;
  header: string[];
  columnCount: number;
  rowCount: number;
  starts: Uint32Array;
  ends: Uint32Array;
  escaped: Set<number>;
  /** 1-based line where each data row starts, for messages. */
  rowLines: Uint32Array;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Splits CSV text into fields (RFC 4180 quoting; LF, CRLF and CR line ends,
 * mixed freely; blank lines skipped). Written by hand rather than using
 * Arquero's `fromCSV` because that drops extra cells silently, gives
 * `undefined` for missing ones and types columns from the first 1,000 values
 * only; here every row is checked and types are inferred over all of them.
 *
 * @throws WorkbenchError `csv.unterminated-quote`, `csv.bad-quote`, `csv.ragged-rows`
 */
export function scanCsv(text: string, delimiter: string, onProgress?: (fraction: number) => void): ScannedCsv {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let capacity = Math.max(1024, (n / 6) | 0);
  let starts = new Uint32Array(capacity);
  let ends = new Uint32Array(capacity);
  let rowLines = new Uint32Array(Math.max(256, (n / 40) | 0));
  const escaped = new Set<number>();
  const header: string[] = [];
  let columnCount = -1;
  let fieldCount = 0;
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
    const isHeader = columnCount < 0;
    let fieldsInRow = 0;
    for (;;) {
      let s: number;
      let e: number;
      let hasEscapes = false;
      if (text.charCodeAt(i) === QUOTE) {
        const openLine = line;
        s = ++i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            throw new WorkbenchError(
              'csv.unterminated-quote',
              `The quoted field that starts on line ${openLine} is never closed, so the rest of the file would be one cell. ` +
                'Add the missing closing quote (") or remove the stray opening one, then load the file again.',
            );
          }
          for (let k = i; k < q; k++) if (text.charCodeAt(k) === LF) line++;
          if (text.charCodeAt(q + 1) === QUOTE) {
            hasEscapes = true;
            i = q + 2;
            continue;
          }
          e = q;
          i = q + 1;
          break;
        }
        const after = i < n ? text.charCodeAt(i) : LF;
        if (after !== d && after !== LF && after !== CR) {
          throw new WorkbenchError(
            'csv.bad-quote',
            `Line ${line}: there is text right after a closing quote (${JSON.stringify(text.slice(Math.max(s, e - 10), e + 1) + text.slice(i, i + 10).split(/[\r\n]/)[0])}). ` +
              'Quote the whole cell and write a quote inside it as two quotes (""), then load the file again.',
          );
        }
      } else {
        s = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === d || c === LF || c === CR) break;
          i++;
        }
        e = i;
      }

      if (isHeader) {
        const raw = text.slice(s, e);
        header.push(hasEscapes ? raw.replaceAll('""', '"') : raw);
      } else {
        if (fieldCount === capacity) {
          capacity *= 2;
          starts = grow(starts, capacity);
          ends = grow(ends, capacity);
        }
        if (hasEscapes) escaped.add(fieldCount);
        starts[fieldCount] = s;
        ends[fieldCount] = e;
        fieldCount++;
      }
      fieldsInRow++;

      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === d) {
        i++;
        if (i >= n || text.charCodeAt(i) === LF || text.charCodeAt(i) === CR) {
          // A delimiter at the end of a line opens one more, empty, field.
          if (isHeader) header.push('');
          else {
            if (fieldCount === capacity) {
              capacity *= 2;
              starts = grow(starts, capacity);
              ends = grow(ends, capacity);
            }
            starts[fieldCount] = ends[fieldCount] = i;
            fieldCount++;
          }
          fieldsInRow++;
          if (i >= n) break;
        } else continue;
      }
      i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }

    if (isHeader) {
      columnCount = fieldsInRow;
      continue;
    }
    if (fieldsInRow !== columnCount) {
      raggedTotal++;
      if (ragged.length < 3) ragged.push({ line: rowLine, fields: fieldsInRow });
      // Keep the field arrays aligned to whole rows so scanning can go on and count them all.
      fieldCount = rowCount * columnCount;
      continue;
    }
    if (rowCount === rowLines.length) rowLines = grow(rowLines, rowLines.length * 2);
    rowLines[rowCount++] = rowLine;
  }

  if (raggedTotal > 0) {
    const examples = ragged.map((r) => `line ${r.line} has ${r.fields}`).join(', ');
    throw new WorkbenchError(
      'csv.ragged-rows',
      `${raggedTotal} row${raggedTotal === 1 ? ' does' : 's do'} not have the header's ${columnCount} fields (${examples}). ` +
        'Make every row have one value per column (leave a cell empty for a missing value, and quote cells that contain the delimiter), then load the file again.',
      { details: { ragged, raggedTotal, columnCount } },
    );
  }
  onProgress?.(1);
  return {
    text,
    header,
    columnCount: Math.max(columnCount, 0),
    rowCount,
    starts: starts.subarray(0, fieldCount),
    ends: ends.subarray(0, fieldCount),
    escaped,
    rowLines: rowLines.subarray(0, rowCount),
  };
}

function grow(array: Uint32Array<ArrayBuffer>, capacity: number): Uint32Array<ArrayBuffer> {
  const next = new Uint32Array(capacity);
  next.set(array);
  return next;
}
