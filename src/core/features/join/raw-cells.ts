import { decodeText } from '../../data/ingest/decode-text.ts';
import { detectDelimiter } from '../../data/ingest/detect-delimiter.ts';
import { scanCsv, unescape } from '../../data/ingest/scan-csv.ts';

/** A CSV file's cells exactly as written (unquoted), by column. */
export interface RawCells {
  header: string[];
  rowCount: number;
  columns: string[][];
}

/**
 * Every cell's original text, so a join's output repeats the input cells
 * unchanged (`1.50` stays `1.50`, dates keep their format) instead of the
 * typed values printed back.
 */
export function readRawCells(bytes: Uint8Array): RawCells {
  const { text } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  let columns: string[][] = [];
  const scan = scanCsv(text, delimiter, {
    begin: (names) => {
      columns = names.map(() => []);
    },
    field: (row, col, s, e, escaped) => {
      if (col < columns.length) columns[col][row] = unescape(text.slice(s, e), escaped);
    },
  });
  return { header: scan.header, rowCount: scan.rowCount, columns };
}
