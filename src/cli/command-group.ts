import { EXIT_OK, EXIT_USAGE, helpRequested, UsageError, type Command } from './command.ts';
import { printable } from './text-table.ts';

/**
 * A command whose first argument names a subcommand (`workbench features
 * join …`), each loaded only when it runs. The group prints its own usage
 * for a bare `--help` (and, exiting 2, for no subcommand); a subcommand's
 * `--help` and its command-line errors print the subcommand's usage.
 *
 * @example
 * export const dataCommand = commandGroup(USAGE, { export: async () => (await import('./data-export.ts')).dataExportCommand });
 */
export function commandGroup(usage: string, subcommands: Record<string, () => Promise<Command>>): Command {
  return {
    usage,
    subcommands: true,
    async run(args, io) {
      const [name, ...rest] = args;
      if (name === undefined || name === '--help' || name === '-h') {
        io.stdout(`${usage}\n`);
        return name === undefined ? EXIT_USAGE : EXIT_OK;
      }
      const load = Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
      if (!load)
        throw new UsageError(
          `Unknown subcommand "${printable(name)}". Use one of: ${Object.keys(subcommands).join(', ')}.`,
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
          return EXIT_USAGE;
        }
        throw error;
      }
    },
  };
}
