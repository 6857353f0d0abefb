import { readDataFile } from '../../core/data/interchange/read-data-file.ts';
import { saveImportedDraft } from '../../core/data/interchange/save-imported.ts';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../command.ts';
import { readInputFile } from '../read-file.ts';
import { printable } from '../text-table.ts';
import { strictParse } from '../train-options.ts';
import {
  cliActor,
  DEFAULT_WORKSPACE,
  openCliWorkspace,
  WORKSPACE_OPTION,
  WORKSPACE_USAGE,
} from '../workspace-option.ts';

const USAGE = `Usage: workbench data import <file> [--name <name>] [--workspace <dir>] [--json]

Saves a CSV, Parquet or Arrow IPC file as a dataset version (the format is
read from the file's first bytes, else its extension). The version id is
the hash of the typed data, so the same data gets the same id whichever
format it comes in; data already saved is reused, not stored twice. The
workspace is created if missing.

Options:
  --name <name>            the version's name (default: the file name without its extension)
${WORKSPACE_USAGE}
  --json                   print { "version", "name", "format", "created", "rows", "columns" }
  -h, --help               show this help

Exit codes: 0 saved (or already there), 1 the file cannot be read or is
refused, 2 wrong command line.`;

/** `workbench data import <file> […]`. */
export const dataImportCommand: Command = {
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = strictParse(args, {
      name: { type: 'string' },
      ...WORKSPACE_OPTION,
      json: { type: 'boolean', default: false },
    });
    if (positionals.length !== 1) throw new UsageError('Give one data file to import.');
    const path = positionals[0];
    // Read and check the file before touching the workspace: a bad file creates no folder.
    const bytes = await readInputFile(path, 'a CSV, Parquet or Arrow file');
    const { draft, format } = await readDataFile(bytes, path);
    const store = await openCliWorkspace((values.workspace as string | undefined) ?? DEFAULT_WORKSPACE, true);
    const { created, version } = await saveImportedDraft(store, draft, {
      name: values.name as string | undefined,
      actor: await cliActor(store),
      now: Date.now(),
    });
    io.stdout(
      values.json
        ? `${JSON.stringify({ version: version.id, name: version.name, format, created, rows: version.rowCount, columns: version.columnCount }, null, 2)}\n`
        : `${created ? 'saved' : 'already saved'} ${printable(version.name)} (${version.id}) from ${format}: ${version.rowCount} rows × ${version.columnCount} columns\n`,
    );
    return EXIT_OK;
  },
};
