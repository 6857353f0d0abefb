import { EXIT_OK, helpRequested, UsageError, type CliIo, type Command } from '../command.ts';
import { printable } from '../text-table.ts';

const USAGE = `Usage: workbench features <subcommand> [options]

Feature store: point-in-time-correct training data and an online store.

Subcommands:
  join          point-in-time join of an entity CSV with a feature CSV
  apply         validate feature definitions (entities, views, services) and register them
  historical    build a training table: entity rows joined with feature views
  materialize   write the latest feature values per entity into the online store
  online        look up feature vectors for entity keys from the online store

Run \`workbench features <subcommand> --help\` for its options.`;

/** Each subcommand, loaded only when it runs. */
const SUBCOMMANDS: Record<string, () => Promise<Command>> = {
  join: async () => (await import('./features-join.ts')).featuresJoinCommand,
  apply: async () => (await import('./features-apply.ts')).featuresApplyCommand,
  historical: async () => (await import('./features-historical.ts')).featuresHistoricalCommand,
  materialize: async () => (await import('./features-materialize.ts')).featuresMaterializeCommand,
  online: async () => (await import('./features-online.ts')).featuresOnlineCommand,
};

/** `workbench features <join|apply|historical|materialize|online> …`. */
export const featuresCommand: Command = {
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
      // Usage errors print the subcommand's usage, not the group's.
      if (error instanceof UsageError) {
        io.stderr(`${error.message}\n\n${command.usage}\n`);
        return 2;
      }
      throw error;
    }
  },
};
