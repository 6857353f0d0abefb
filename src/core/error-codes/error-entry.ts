/**
 * What the user is told about one error code: a short title and the generic
 * action. The error's own message still says what exactly went wrong.
 */
export interface ErrorEntry {
  /** A few words, e.g. `Empty file`. */
  title: string;
  /** What to do about it, whatever the particular case. */
  help: string;
}

/** The entries of one area: every code starts with one of `areas` and a dot. */
export type AreaEntries<Area extends string> = Record<`${Area}.${string}`, ErrorEntry>;
