import { DATA_FILE_TYPES, exportDataFile } from '../../core/data/interchange/export-data-file.ts';
import type { DataFileFormat } from '../../core/data/interchange/file-format.ts';
import { findDatasetVersion } from '../../core/data/interchange/find-version.ts';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../command.ts';
import { printable } from '../text-table.ts';
import { strictParse } from '../train-options.ts';
import { DEFAULT_WORKSPACE, openCliWorkspace, WORKSPACE_OPTION, WORKSPACE_USAGE } from '../workspace-option.ts';
import { writeOutputFile } from '../write-file.ts';

const USAGE = `Usage: workbench data export <version-id|name> --format parquet|arrow|csv --out <file> [--workspace <dir>] [--json]

Writes a dataset version (its id, an id prefix of 8 or more characters, or
its name: the newest version of that name) as a file. Parquet and Arrow IPC
keep the inferred column types (integers, floats, booleans, timestamps in
UTC, dictionary-encoded strings) and carry the version id in the file's
metadata; \`workbench data import\` of the file gives back the same id.

Options:
  --format <f>             parquet, arrow or csv (default: from the --out extension, else parquet)
  --out <file>             the file to write (required); an existing folder gets <name>.<ext> inside it
${WORKSPACE_USAGE}
  --json                   print { "file", "bytes", "format", "version" }
  -h, --help               show this help

Exit codes: 0 written, 1 no such version or the file cannot be written,
2 wrong command line.`;

const FORMATS = Object.keys(DATA_FILE_TYPES) as DataFileFormat[];

/** `workbench data export <version-id|name> --format … --out <file> […]`. */
export const dataExportCommand: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = strictParse(args, {
      format: { type: 'string' },
      out: { type: 'string' },
      ...WORKSPACE_OPTION,
      json: { type: 'boolean', default: false },
    });
    if (positionals.length !== 1) throw new UsageError('Give one dataset version: its id or its name.');
    const out = values.out as string | undefined;
    if (!out) throw new UsageError('Say where to write the file with --out <file>.');
    const format = formatOf(values.format as string | undefined, out);
    const store = await openCliWorkspace((values.workspace as string | undefined) ?? DEFAULT_WORKSPACE, false);
    const { version, table } = await findDatasetVersion(store, positionals[0]);
    const bytes = exportDataFile(table, version, format);
    const file = await writeOutputFile(
      out,
      bytes,
      `the ${format} file`,
      `${version.name.replace(/[^\w.-]+/g, '_')}.${DATA_FILE_TYPES[format].extension}`,
    );
    io.stdout(
      values.json
        ? `${JSON.stringify({ file, bytes: bytes.length, format, version: version.id }, null, 2)}\n`
        : `exported ${printable(version.name)} (${version.id.slice(0, 12)}, ${version.rowCount} rows) as ${format} to ${printable(file)} (${bytes.length} bytes)\n`,
    );
    return EXIT_OK;
  },
};

function formatOf(given: string | undefined, out: string): DataFileFormat {
  if (given !== undefined) {
    if (!(FORMATS as string[]).includes(given))
      throw new UsageError(`Unknown format "${printable(given)}". Use one of: ${FORMATS.join(', ')}.`);
    return given as DataFileFormat;
  }
  const extension = out.toLowerCase().split('.').pop();
  return FORMATS.find((f) => DATA_FILE_TYPES[f].extension === extension) ?? 'parquet';
}
