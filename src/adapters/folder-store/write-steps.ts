/**
 * A count of the file-changing steps of workspace writes (a file created,
 * written, renamed, cut or deleted), for the test that kills a CLI write at
 * every one of them (test/unit/folder-store/kill-at-every-step.test.ts).
 * Only code in the same process can watch: there is no option, argument or
 * environment variable that reaches it, so a user cannot make a command stop
 * half-way by accident.
 */

type StepWatcher = (step: number, what: string) => void;

let watcher: StepWatcher | null = null;
let steps = 0;

/** Calls `watch` after every file-changing step from now on, numbered from 1; null stops watching. */
export function watchWriteSteps(watch: StepWatcher | null): void {
  watcher = watch;
  steps = 0;
}

/** Marks one file-changing step (called by the folder store's file operations). */
export function writeStep(what: string): void {
  if (watcher) watcher(++steps, what);
}
