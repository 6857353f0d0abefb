import type { AreaEntries } from './error-entry.ts';

/** The command line, the workers, and failures nobody expected. */
export const APP_ERRORS = {
  'cli.bad_gates': { title: 'Invalid gates', help: 'Pass --set a JSON object of known gate keys.' },
  'cli.bad_json': { title: 'Invalid JSON', help: 'Fix the file so it is valid JSON.' },
  'cli.bad_split': { title: 'Invalid split file', help: 'Give { "train": [row indices], "test": [row indices] }.' },
  'cli.read_failed': { title: 'Cannot read the file', help: 'Check the path and its permissions.' },
  'cli.write_failed': { title: 'Cannot write the file', help: 'Check that the folder exists and is writable.' },
  'cli.wrong_dataset': { title: 'Wrong data file', help: 'Pass the file of the dataset version the spec names.' },
  'worker.crashed': { title: 'Worker stopped', help: 'Try again; reload the page if it keeps happening.' },
  'internal.unexpected': {
    title: 'Unexpected error',
    help: 'This is a bug in the workbench; please report it with what you were doing.',
  },
} as const satisfies AreaEntries<'cli' | 'worker' | 'internal'>;
