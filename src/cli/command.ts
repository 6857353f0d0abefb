/**
 * What every CLI subcommand looks like, and how it talks to the outside.
 * Output goes through {@link CliIo} instead of `process` so tests can run a
 * command in-process and read exactly what it printed.
 */

/** Where a command writes; each call writes `text` as given (add your own newline). */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** A subcommand; its one-line summary for the top-level help is in command-list.ts. */
export interface Command {
  /** Full usage text printed by `workbench <command> --help`. */
  usage: string;
  /**
   * Runs with the arguments after the command name; resolves to the exit code.
   * `-h`/`--help` never reaches it: the caller prints {@link usage} instead.
   */
  run: (args: string[], io: CliIo) => Promise<number>;
  /** Its first argument names a subcommand, which answers its own `--help`. */
  subcommands?: boolean;
}

/** Whether `args` ask for help (`-h` or `--help` before any `--`). */
export function helpRequested(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '-h' || arg === '--help') return true;
  }
  return false;
}

/** Exit codes: 0 success, 1 bad input or failure, 2 the command line itself was wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/**
 * Thrown for a malformed command line (unknown option, missing file); the
 * entry point prints the message and the command's usage, and exits 2.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
