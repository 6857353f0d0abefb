/**
 * Vitest global setup: the CLI tests spawn bin/workbench.js, which runs the
 * build in dist-cli/. A build older than src/ would have them test old code,
 * so every test run first rebuilds it when its sources changed (a hash of
 * src/ is compared, ~0.1 s; a rebuild takes a few seconds). The choice over
 * running the source with tsx in the tests: the build is what users run, and
 * it starts in a fraction of a second instead of seconds per child process.
 */
import { buildCli } from '../../scripts/build-cli.js';

export default async function setup() {
  await buildCli({ ifStale: true });
}
