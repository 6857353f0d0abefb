import { parseCsv } from '../../core/data/ingest/parse-csv.ts';
import { toCsv } from '../../core/data/ingest/write-csv.ts';
import { parseDuration } from '../../core/features/join/duration.ts';
import { joinTables } from '../../core/features/join/join-tables.ts';
import { readRawCells } from '../../core/features/join/raw-cells.ts';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../command.ts';
import { readInputFile } from '../read-file.ts';
import { strictParse } from '../train-options.ts';
import { writeOutputFile } from '../write-file.ts';

const USAGE = `Usage: workbench features join --entities <entities.csv> --entity-key <col[,col]>
                              --timestamp <col> --source <features.csv> --event-time <col>
                              [--created <col>] [--ttl <7d|12h|…>] [--features <col,col>]
                              [--no-future-created] --out <out.csv> [--json]

Point-in-time join of two CSV files. Every entity row, in its original order
and with all its cells as written, is followed by the chosen feature columns
of the source row with the same key whose event time is the latest at or
before the row's timestamp (and no older than the TTL, when given); ties on
event time go to the latest created time. Rows with no such source row get
empty cells.

Options:
  --entities <file>      the entity (training) rows: keys and a timestamp per row
  --entity-key <cols>    join-key column(s), comma-separated, named the same in both files
  --timestamp <col>      the entity rows' time column
  --source <file>        the feature rows
  --event-time <col>     the feature rows' event-time column
  --created <col>        the feature rows' created-time column (breaks event-time ties)
  --ttl <duration>       ignore feature rows older than this before the row's time (s, m, h, d, w)
  --features <cols>      source columns to bring over (default: all but keys and times)
  --no-future-created    ignore feature rows created after the row's time (backfill leakage)
  --out <file>           where to write the joined CSV
  --json                 print { "rows", "matched", "leakedByNaiveJoin", "out" } as JSON
  -h, --help             show this help

Exit codes: 0 joined, 1 a file or column cannot be used, 2 wrong command line.`;

/** `workbench features join …`. */
export const featuresJoinCommand: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values } = strictParse(args, {
      entities: { type: 'string' },
      'entity-key': { type: 'string' },
      timestamp: { type: 'string' },
      source: { type: 'string' },
      'event-time': { type: 'string' },
      created: { type: 'string' },
      ttl: { type: 'string' },
      features: { type: 'string' },
      'no-future-created': { type: 'boolean', default: false },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const required = (flag: string): string => {
      const value = values[flag];
      if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`Give --${flag}.`);
      return value;
    };
    const list = (text: string) =>
      text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    const entitiesPath = required('entities');
    const sourcePath = required('source');
    const spec = {
      entityKey: list(required('entity-key')),
      timestamp: required('timestamp'),
      eventTime: required('event-time'),
      created: values.created as string | undefined,
      ttlMs: values.ttl === undefined ? undefined : parseDuration(values.ttl as string),
      features: values.features === undefined ? undefined : list(values.features as string),
      ignoreCreatedAfter: values['no-future-created'] === true,
    };
    const out = required('out');
    const entityBytes = await readInputFile(entitiesPath);
    const sourceBytes = await readInputFile(sourcePath);
    const joined = joinTables(parseCsv(entityBytes).table, parseCsv(sourceBytes).table, spec);
    const entityCells = readRawCells(entityBytes);
    const sourceCells = readRawCells(sourceBytes);
    const featureIndices = joined.featureColumns.map((c) => sourceCells.header.indexOf(c.name));
    const rows: string[][] = [];
    for (let i = 0; i < entityCells.rowCount; i++) {
      const m = joined.matches[i];
      const row = entityCells.columns.map((cells) => cells[i] ?? '');
      for (const f of featureIndices) row.push(m < 0 ? '' : (sourceCells.columns[f][m] ?? ''));
      rows.push(row);
    }
    const header = [...entityCells.header, ...joined.featureColumns.map((c) => c.name)];
    const written = await writeOutputFile(
      out,
      new TextEncoder().encode(toCsv(header, rows)),
      'the joined rows',
      'joined.csv',
    );
    const summary = {
      rows: rows.length,
      matched: joined.matchedRows,
      leakedByNaiveJoin: joined.leakedRows,
      out: written,
    };
    io.stdout(
      values.json
        ? `${JSON.stringify(summary, null, 2)}\n`
        : `Joined ${summary.rows} rows (${summary.matched} matched; a naive latest-value join would have leaked future values into ${summary.leakedByNaiveJoin}) → ${written}\n`,
    );
    return EXIT_OK;
  },
};
