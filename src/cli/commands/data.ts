import { EXIT_OK, helpRequested, UsageError, type CliIo, type Command } from '../command.ts';
import { printable } from '../text-table.ts';

const USAGE = `Usage: workbench data <subcommand> [options]

Dataset versions in and out of a workspace, as CSV, Parquet or Arrow IPC.

Subcommands:
  export   write a dataset version as a CSV, Parquet or Arrow file
  import   save a CSV, Parquet or Arrow file as a dataset version

Run \`workbench data <subcommand> --help\` for its options.`;

const SUBCOMMANDS: Record<string, () => Promise<Command>> = {
  export: async () => (await import('./data-export.ts')).dataExportCommand,
  import: async () => (await import('./data-import.ts')).dataImportCommand,
};

/** `workbench data <export|import> …`. */
export const dataCommand: Command = {
  usage: USAGE,
  subcommands: true,
  async run(args: string[], io: CliIo): Promise<number> {
    const [name, ...rest] = args;
    if (name === undefined || name === '--help' || name === '-h') {
      io.stdout(`${USAGE}\n`);
      return name === undefined ? 2 : EXIT_OK;
    }
    const load = SUBCOMMANDS[name];
    if (!load)
      throw new UsageError(
        `Unknown subcommand "${printable(name)}". Use one of: ${Object.keys(SUBCOMMANDS).join(', ')}.`,
      );
    const command = await load();
    if (helpRequested(rest)) {
      io.stdout(`${command.usage}\n`);
      return EXIT_OK;
    }
    try {
      return await command.run(rest, io);
    } catch (error) {
      if (error instanceof UsageError) {
        io.stderr(`${error.message}\n\n${command.usage}\n`);
        return 2;
      }
      throw error;
    }
  },
};
