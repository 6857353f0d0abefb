import { WorkbenchError } from '../../errors.ts';
import { decodeText } from './decode-text.ts';
import { decimalCommaHint, readDecimalCommas } from './decimal-comma.ts';
import { detectDelimiter } from './detect-delimiter.ts';
import { ColumnTyper } from './column-typer.ts';
import type { ColumnInference } from './inference-types.ts';
import { scanCsv } from './scan-csv.ts';
import type { Column, DataTable } from '../types.ts';

export interface ParsedCsv {
  table: DataTable;
  inference: ColumnInference[];
  delimiter: string;
  /** How the file was read (encoding, BOM, delimiter), for the user. */
  notes: string[];
}

export interface ParseOptions {
  /** Called with 0…1 as the work advances (decode ~5%, split and type ~80%, build columns the rest). */
  onProgress?: (fraction: number) => void;
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/**
 * Reads CSV bytes into a typed table: decode (UTF-8, or UTF-16 when marked
 * or evident), detect the delimiter, split every row, then type each column
 * from all of its cells.
 *
 * @throws WorkbenchError with a `csv.*` code and a message that says what to fix.
 * @example
 * const { table } = parseCsv(new TextEncoder().encode('x,y\n1,a\n2,b\n'));
 * table.columns.map((c) => c.type) // ['integer', 'category']
 */
export function parseCsv(bytes: Uint8Array, options: ParseOptions = {}): ParsedCsv {
  const report = options.onProgress ?? (() => {});
  const decoded = decodeText(bytes);
  if (decoded.text.trim() === '') {
    throw new WorkbenchError(
      'csv.empty',
      'The file holds only blank space. Choose a CSV file with a header row and at least one data row.',
    );
  }
  report(0.05);
  const delimiter = detectDelimiter(decoded.text);
  const { text } = decoded;
  let typers: ColumnTyper[] = [];
  const capacity = Math.max(16, Math.ceil(text.length / 64));
  const scan = scanCsv(
    text,
    delimiter,
    {
      begin: (names) => {
        const header = checkHeader(names);
        typers = header.map((name) => new ColumnTyper(name, Math.ceil(capacity / header.length)));
      },
      field: (row, col, s, e, escaped) => typers[col].add(text, row, s, e, escaped),
    },
    (f) => report(0.05 + 0.8 * f),
  );
  if (scan.rowCount === 0) {
    throw new WorkbenchError(
      'csv.header_only',
      `The file has a header (${scan.columnCount} column${scan.columnCount === 1 ? '' : 's'}) but no data rows. Add at least one row of data below the header.`,
    );
  }
  const columns: Column[] = [];
  const inference: ColumnInference[] = [];
  const columnNotes: string[] = [];
  typers.forEach((typer, c) => {
    const result = typer.finish(text, scan.rowCount);
    const decimal = readDecimalCommas(result.column, result.inference, delimiter);
    columns.push(decimal?.column ?? result.column);
    inference.push(decimal?.inference ?? result.inference);
    const note = decimal?.note ?? decimalCommaHint(result.column);
    if (note) columnNotes.push(note);
    if (c % 8 === 7) report(0.85 + (0.15 * (c + 1)) / typers.length);
  });
  report(1);
  const notes = [
    ...decoded.notes,
    `Delimiter: ${DELIMITER_NAMES[delimiter] ?? delimiter}.`,
    `${scan.rowCount.toLocaleString('en')} rows × ${scan.columnCount.toLocaleString('en')} columns; types inferred from every row.`,
    ...columnNotes,
  ];
  return { table: { rowCount: scan.rowCount, columns }, inference, delimiter, notes };
}

/** Trims header names and refuses empty or repeated ones, which later steps could not address. */
function checkHeader(raw: string[]): string[] {
  const names = raw.map((n) => n.trim());
  const empty = names.flatMap((n, i) => (n === '' ? [i + 1] : []));
  if (empty.length > 0) {
    throw new WorkbenchError(
      'csv.empty_header',
      `Column${empty.length > 1 ? 's' : ''} ${list(empty)} of the header ${empty.length > 1 ? 'have' : 'has'} no name. ` +
        'Give every column a name in the first row (or remove the empty column), then load the file again.',
    );
  }
  const seen = new Map<string, number>();
  for (let i = 0; i < names.length; i++) {
    const first = seen.get(names[i]);
    if (first !== undefined) {
      throw new WorkbenchError(
        'csv.duplicate_header',
        `Columns ${first + 1} and ${i + 1} are both named "${names[i]}". Rename one of them in the header row so every column name is unique, then load the file again.`,
      );
    }
    seen.set(names[i], i);
  }
  return names;
}

function list(numbers: number[]): string {
  const shown = numbers.slice(0, 5).join(', ');
  return numbers.length > 5 ? `${shown} and ${numbers.length - 5} more` : shown;
}
