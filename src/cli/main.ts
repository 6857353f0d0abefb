import { WorkbenchError } from '../core/errors.ts';
import { WORKBENCH_VERSION } from '../core/version.ts';
import { COMMANDS } from './command-list.ts';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, helpRequested, UsageError, type CliIo } from './command.ts';
import { printable } from './text-table.ts';

/**
 * The `workbench` command line: the same core the browser runs, over files.
 * bin/workbench.js runs the build of this file in dist-cli/ (or, when that is
 * missing, this source through tsx) and calls {@link runCli}. Commands that
 * train load the models and TF.js with import() when they run, so the help
 * and the data commands start without them.
 */

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const list = Object.entries(COMMANDS)
    .map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`)
    .join('\n');
  return `Usage: workbench <command> [options]

Commands:
${list}

Options:
  -h, --help     show this help (or: workbench <command> --help)
  -v, --version  print the version

Exit codes: 0 success, 1 bad input or failure, 2 wrong command line.`;
}

/** Writes to the real process streams. */
export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/**
 * Runs the CLI with `argv` (the arguments after `workbench`) and resolves to
 * the exit code; never throws and never calls process.exit, so output is
 * flushed and tests can call it directly.
 *
 * @example
 * process.exitCode = await runCli(['profile', 'penguins.csv', '--json']);
 */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(`${usage()}\n`);
    return EXIT_USAGE;
  }
  if (name === '-h' || name === '--help' || name === 'help') {
    io.stdout(`${usage()}\n`);
    return EXIT_OK;
  }
  if (name === '-v' || name === '--version') {
    io.stdout(`${WORKBENCH_VERSION}\n`);
    return EXIT_OK;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    io.stderr(`error: unknown command "${printable(name)}".\n\n${usage()}\n`);
    return EXIT_USAGE;
  }
  const command = await entry.load();
  if (!command.subcommands && helpRequested(rest)) {
    io.stdout(`${command.usage}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`error: ${oneLine(error.message)}\n\n${command.usage}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`error: ${oneLine(describe(error))}\n`);
    // The one-line rule is for users; a developer chasing a bug wants the stack.
    if (process.env.WORKBENCH_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT_FAILURE;
  }
}

/** The message for a failure: the WorkbenchError's own, or a labelled internal error. */
function describe(error: unknown): string {
  if (error instanceof WorkbenchError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `Internal error: ${message}. This is a bug in the workbench; please report it with the file that caused it.`;
}

/** Bad input gets exactly one line on stderr, whatever the message holds. */
function oneLine(message: string): string {
  return printable(message.replace(/\s*[\r\n]+\s*/g, ' '));
}
