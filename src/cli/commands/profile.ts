import { readInputFile } from '../read-file.ts';
import { basename } from 'node:path';
import { datasetId } from '../../core/data/versions/dataset-id.ts';
import { parseCsv } from '../../core/data/ingest/parse-csv.ts';
import { profileTable } from '../../core/data/profile/profile.ts';
import type { ColumnProfile, DataProfile, QualityWarning } from '../../core/data/profile/profile-types.ts';
import { guessRoles } from '../../core/data/profile/roles.ts';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../command.ts';
import { printable, renderTable, terminalSafeJson, truncate } from '../text-table.ts';
import { strictParse } from '../train-options.ts';

/** The `--json` output of `workbench profile`: one object, stable field names. */
export interface ProfileReport {
  file: { name: string; sizeBytes: number };
  rowCount: number;
  columnCount: number;
  /** SHA-256 of the canonical encoding: the id the browser gives the same data. */
  versionId: string;
  delimiter: string;
  duplicateRows: number;
  /** What loading had to do (encoding decoded, BOM removed, …). */
  notes: string[];
  columns: ColumnReport[];
  warnings: QualityWarning[];
}

/** One column of {@link ProfileReport}: the profile with numeric statistics spread flat. */
export type ColumnReport = Omit<ColumnProfile, 'numeric'> & Partial<NonNullable<ColumnProfile['numeric']>>;

const USAGE = `Usage: workbench profile <file.csv> [--json]

Reads a CSV file (UTF-8 or UTF-16; comma, semicolon, tab or pipe delimited),
infers every column's type over all rows, and prints its profile: row and
column counts, the dataset version id, per-column type, role, missing and
distinct counts, numeric statistics, top values, and data-quality warnings.

Options:
  --json      print one JSON object instead of a table
  -h, --help  show this help

Exit codes: 0 profiled, 1 the file could not be read or is not usable CSV
(one line on stderr says why and what to do), 2 wrong command line.`;

/** `workbench profile <file.csv> [--json]`. */
export const profileCommand: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = strictParse(args, { json: { type: 'boolean', default: false } });
    if (positionals.length !== 1) {
      throw new UsageError(
        positionals.length === 0
          ? 'Give the CSV file to profile.'
          : `Give exactly one file; got ${positionals.length}.`,
      );
    }
    const path = positionals[0];
    const bytes = await readInputFile(path);
    const report = await buildProfileReport(bytes, basename(path));
    io.stdout(values.json ? `${toJson(report)}\n` : `${formatProfileText(report)}\n`);
    return EXIT_OK;
  },
};

/**
 * Parses, profiles and hashes CSV bytes into the report `--json` prints.
 * Throws the parser's WorkbenchError for bad input.
 */
export async function buildProfileReport(bytes: Uint8Array, fileName: string): Promise<ProfileReport> {
  const parsed = parseCsv(bytes);
  const roles = guessRoles(parsed.table);
  const profile: DataProfile = profileTable(parsed.table, { roles, inference: parsed.inference });
  return {
    file: { name: fileName, sizeBytes: bytes.byteLength },
    rowCount: profile.rowCount,
    columnCount: profile.columnCount,
    versionId: await datasetId(parsed.table),
    delimiter: parsed.delimiter,
    duplicateRows: profile.duplicateRows,
    notes: parsed.notes,
    // Statistics first, the long lists last, so the JSON reads top-down.
    columns: profile.columns.map(({ numeric, top, histogram, ...rest }) => ({
      ...rest,
      ...numeric,
      ...(top && { top }),
      ...(histogram && { histogram }),
    })),
    warnings: profile.warnings,
  };
}

/**
 * The report as JSON. JSON.stringify already turns NaN into null and escapes
 * C0 controls; C1, bidi and invisible characters are escaped too so printing it is terminal-safe.
 */
export function toJson(report: ProfileReport): string {
  return terminalSafeJson(JSON.stringify(report, null, 2));
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** The report as the readable text `workbench profile` prints without --json. */
export function formatProfileText(report: ProfileReport): string {
  const delimiter = DELIMITER_NAMES[report.delimiter] ?? JSON.stringify(report.delimiter);
  const lines = [
    `${printable(report.file.name)}: ${report.rowCount} rows × ${report.columnCount} columns (${delimiter}-delimited, ${report.file.sizeBytes} bytes)`,
    `version  ${report.versionId}`,
    ...report.notes.map((note) => `note     ${printable(note)}`),
    '',
  ];
  const header = ['column', 'type', 'role', 'missing', 'distinct', 'min', 'mean', 'max', 'std', 'median', 'top values'];
  const rows = report.columns.map((c) => [
    truncate(printable(c.name), 30),
    c.type === c.inferredType ? c.type : `${c.type} (inferred ${c.inferredType})`,
    c.role,
    String(c.missing),
    String(c.distinct),
    formatStat(c.min, c.type),
    formatStat(c.mean, c.type),
    formatStat(c.max, c.type),
    formatStat(c.std, c.type, true),
    formatStat(c.median, c.type),
    (c.top ?? [])
      .slice(0, 3)
      .map((t) => `${truncate(printable(t.value), 20)} (${t.count})`)
      .join(', '),
  ]);
  lines.push(renderTable(header, rows, [false, false, false, true, true, true, true, true, true, true, false]), '');
  if (report.duplicateRows > 0) lines.push(`${report.duplicateRows} duplicate rows.`);
  if (report.warnings.length === 0) {
    lines.push('No data-quality warnings.');
  } else {
    lines.push('Warnings:');
    for (const w of report.warnings) lines.push(`  ${w.severity.padEnd(7)}  ${printable(w.message)}`);
  }
  return lines.join('\n');
}

/**
 * A statistic for a table cell: blank when absent, 6 significant digits.
 * Datetimes are epoch milliseconds: positions print as ISO 8601 and a spread
 * (the standard deviation) as days.
 */
function formatStat(value: number | undefined, type: ColumnProfile['type'], spread = false): string {
  if (value === undefined || Number.isNaN(value)) return '';
  if (type === 'datetime' && Number.isFinite(value)) {
    return spread ? `${Number((value / 86_400_000).toPrecision(3))} d` : new Date(value).toISOString();
  }
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(6)));
}
