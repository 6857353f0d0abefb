import type { Command } from '../command.ts';
import { commandGroup } from '../command-group.ts';

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
export const featuresCommand: Command = commandGroup(USAGE, SUBCOMMANDS);
