/**
 * The CSV ingest contenders, identical in the browser worker and in Node:
 * each takes the file's bytes and returns how many rows it produced. Every
 * case starts from bytes (decoding to text is part of ingest), and each
 * result is checked so a parser that silently produced nothing cannot win.
 */
import Papa from 'papaparse';
import { autoType, csvParse } from 'd3-dsv';
import { parseCsv } from '../src/core/data/ingest/parse-csv.ts';

/** One contender. */
export interface IngestCase {
  id: string;
  label: string;
  /** True when the output has typed values (numbers, dates, booleans), not just strings. */
  typed: boolean;
  run: (bytes: Uint8Array) => number;
}

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** All contenders, the workbench first. */
export const INGEST_CASES: IngestCase[] = [
  {
    id: 'workbench',
    label: 'workbench parseCsv (every-row type inference, columnar)',
    typed: true,
    run: (bytes) => parseCsv(bytes).table.rowCount,
  },
  {
    id: 'papa-typed',
    label: 'PapaParse, dynamicTyping: true',
    typed: true,
    // header: false (arrays per row) is PapaParse's fastest mode; with header: true it is slower.
    run: (bytes) => Papa.parse<unknown[]>(decode(bytes), { dynamicTyping: true, skipEmptyLines: true }).data.length - 1,
  },
  {
    id: 'papa',
    label: 'PapaParse, strings only',
    typed: false,
    run: (bytes) => Papa.parse<string[]>(decode(bytes), { skipEmptyLines: true }).data.length - 1,
  },
  {
    id: 'd3-typed',
    label: 'd3-dsv csvParse + autoType',
    typed: true,
    run: (bytes) => csvParse(decode(bytes), autoType).length,
  },
  {
    id: 'd3',
    label: 'd3-dsv csvParse, strings only',
    typed: false,
    run: (bytes) => csvParse(decode(bytes)).length,
  },
];

/** One timed run of one case. */
export interface IngestSample {
  id: string;
  run: number;
  ms: number;
  rows: number;
}

/**
 * Runs every case `runs` times, interleaved (case A, B, C, then again), so
 * that a burst of load from elsewhere on the machine hurts every contender
 * alike rather than all runs of one. `gc` is called between runs when given.
 */
export async function runIngest(
  bytes: Uint8Array,
  options: { runs: number; now: () => number; gc?: () => void; only?: string[]; onSample?: (s: IngestSample) => void },
): Promise<IngestSample[]> {
  const cases = INGEST_CASES.filter((c) => !options.only || options.only.includes(c.id));
  const samples: IngestSample[] = [];
  for (let run = 1; run <= options.runs; run++) {
    for (const c of cases) {
      options.gc?.();
      // Let the event loop breathe (and the previous result be collected) before timing.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const start = options.now();
      const rows = c.run(bytes);
      const sample = { id: c.id, run, ms: options.now() - start, rows };
      samples.push(sample);
      options.onSample?.(sample);
    }
  }
  return samples;
}
