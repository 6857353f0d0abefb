/**
 * A tiny test registry for the browser tests: each *.test.js file calls
 * `test(name, fn)`; run.js imports the file, takes its tests and runs them
 * in order against one browser profile (later tests may rely on earlier ones).
 */
const registered = [];

/**
 * Registers a browser test.
 * @param {string} name what the test proves
 * @param {(session: import('./session.js').Session) => Promise<void>} fn
 * @param {{ timeoutMs?: number }} [options]
 */
export function test(name, fn, options = {}) {
  registered.push({ name, fn, timeoutMs: options.timeoutMs ?? 60_000 });
}

/** Removes and returns the tests registered so far (those of the file just imported). */
export function takeTests() {
  return registered.splice(0, registered.length);
}
