import { parseArgs } from 'node:util';
import { parseCsv } from '../../core/data/ingest/parse-csv.ts';
import { computeDriftReport } from '../../core/monitor/drift/drift-report.ts';
import type { ColumnDrift, DriftReport } from '../../core/monitor/drift/types.ts';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../command.ts';
import { readInputFile } from '../read-file.ts';
import { printable, renderTable, terminalSafeJson, truncate } from '../text-table.ts';

const USAGE = `Usage: workbench drift <reference.csv> <current.csv> [--columns a,b] [--json]

Compares every column the two CSV files share (or the ones named) and prints,
per column, the drift statistics — numeric: Kolmogorov–Smirnov statistic and
p-value, Wasserstein distance (raw and divided by the reference's standard
deviation), PSI over the reference deciles, Jensen–Shannon distance;
categorical: chi-squared test of the 2 × K table, PSI, Jensen–Shannon — the
test chosen for the column (as Evidently chooses: KS / chi-squared / z-test
with p < 0.05 up to 1,000 reference rows, normalized Wasserstein /
Jensen–Shannon ≥ 0.1 above), whether it drifted, and whether the dataset
drifted (at least half the columns by default).

Options:
  --columns a,b        compare only these columns
  --share X            dataset drift from this share of drifted columns (default 0.5)
  --json               print { columns, driftShare, datasetDrift } as JSON
  -h, --help           show this help

Exit codes: 0 compared (drift or not), 1 bad input (one line on stderr says
what to change), 2 wrong command line.`;

/** \`workbench drift <reference.csv> <current.csv> [--columns a,b] [--json]\`. */
export const driftCommand: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseDriftArgs(args);
    if (positionals.length !== 2) {
      throw new UsageError(`Give the reference and the current CSV file; got ${positionals.length} file(s).`);
    }
    const share = values.share === undefined ? undefined : Number(values.share);
    if (share !== undefined && !Number.isFinite(share)) throw new UsageError('--share takes a number such as 0.5.');
    const columns = values.columns
      ?.split(',')
      .map((c) => c.trim())
      .filter((c) => c !== '');
    const [reference, current] = await Promise.all(positionals.map((p) => readInputFile(p)));
    const report = computeDriftReport(parseCsv(reference).table, parseCsv(current).table, {
      columns,
      driftShareThreshold: share,
    });
    io.stdout(values.json ? `${terminalSafeJson(JSON.stringify(report, null, 2))}\n` : `${formatDriftText(report)}\n`);
    return EXIT_OK;
  },
};

function parseDriftArgs(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        columns: { type: 'string' },
        share: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

const num = (v: number | undefined): string =>
  v === undefined || Number.isNaN(v)
    ? ''
    : v !== 0 && Math.abs(v) < 1e-4
      ? v.toExponential(2)
      : String(Number(v.toPrecision(4)));

/** The report as the table `workbench drift` prints without --json: drifted columns first. */
export function formatDriftText(report: DriftReport): string {
  const columns = [...report.columns].sort((a, b) => Number(b.drifted) - Number(a.drifted));
  const header = ['column', 'kind', 'drift', 'test', 'score', 'KS D', 'KS p', 'chi2 p', 'W/std', 'PSI', 'JS'];
  const rows = columns.map((c: ColumnDrift) => [
    truncate(printable(c.name), 30),
    c.kind,
    c.drifted ? 'DRIFT' : 'ok',
    c.test,
    num(c.score),
    c.kind === 'numeric' ? num(c.ks.statistic) : '',
    c.kind === 'numeric' ? num(c.ks.pValue) : '',
    num(c.chi2?.pValue),
    c.kind === 'numeric' ? num(c.wassersteinNormalized) : '',
    num(c.psi),
    num(c.jensenShannon),
  ]);
  const drifted = report.columns.filter((c) => c.drifted).length;
  return [
    renderTable(header, rows, [false, false, false, false, true, true, true, true, true, true, true]),
    '',
    ...columns.map((c) => `${printable(c.name)}: ${c.reason}`),
    '',
    `${drifted} of ${report.columns.length} columns drifted (share ${num(report.driftShare)}); dataset drift: ${
      report.datasetDrift ? 'YES' : 'no'
    } (threshold ${report.driftShareThreshold}).`,
  ].join('\n');
}
