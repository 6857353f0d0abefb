#!/usr/bin/env node
// The `workbench` command. It runs the build in dist-cli/ (made by `npm install`
// through the `prepare` script, or `npm run build:cli`), which starts in a
// fraction of a second. Without a build it compiles src/ with tsx on every
// start (seconds), and says so on stderr. WORKBENCH_FROM_SOURCE=1 forces the
// source, for working on the CLI without rebuilding.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// `workbench profile x | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const built = new URL('../dist-cli/main.js', import.meta.url);
const fromSource = Boolean(process.env.WORKBENCH_FROM_SOURCE) || !existsSync(fileURLToPath(built));

// Stacks under WORKBENCH_DEBUG point into src/, through the build's source maps.
if (process.env.WORKBENCH_DEBUG) process.setSourceMapsEnabled(true);

let runCli;
if (fromSource) {
  if (!process.env.WORKBENCH_FROM_SOURCE)
    process.stderr.write(
      'workbench: no build in dist-cli/, running the source with tsx (slow start); run `npm run build:cli` to build it.\n',
    );
  const { register } = await import('tsx/esm/api');
  // An explicit tsconfig keeps compilation the same from any working directory.
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
  ({ runCli } = await import('../src/cli/main.ts'));
} else {
  ({ runCli } = await import(built.href));
}
process.exitCode = await runCli(process.argv.slice(2));
