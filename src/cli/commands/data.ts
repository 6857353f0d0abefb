import type { Command } from '../command.ts';
import { commandGroup } from '../command-group.ts';

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
export const dataCommand: Command = commandGroup(USAGE, SUBCOMMANDS);
