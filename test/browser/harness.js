/**
 * A tiny test registry for the browser tests: each *.test.js file calls
 * `test(name, fn)`; run.js imports the file, takes its tests and runs them
 * in order against one fresh browser profile.
 *
 * Files are independent: each gets its own profile and sets up what it
 * needs, so any file passes alone and in any order (`run.js --reverse`,
 * `--shuffle`). Inside a file, most tests open the app and load their own
 * data; the long stories (training, the registry) are scenarios whose steps
 * build on each other, because repeating the training for every step would
 * cost minutes on two cores. When a step fails, the rest of its file is
 * skipped rather than failing again for the same reason.
 */
const registered = [];

/** Timeouts with wide margins: CI runs the browser on a busy 2-core machine. */
export const TEST_TIMEOUT_MS = 120_000;
/** For tests that train or import models. */
export const LONG = { timeoutMs: 300_000 };

/**
 * Registers a browser test.
 * @param {string} name what the test proves
 * @param {(session: import('./session.js').Session) => Promise<void>} fn
 * @param {{ timeoutMs?: number }} [options]
 */
export function test(name, fn, options = {}) {
  registered.push({ name, fn, timeoutMs: options.timeoutMs ?? TEST_TIMEOUT_MS });
}

/** Removes and returns the tests registered so far (those of the file just imported). */
export function takeTests() {
  return registered.splice(0, registered.length);
}
