#!/usr/bin/env node
// The `workbench` command. tsx compiles src/ on the fly, so the CLI needs no
// build step and runs exactly the core the browser bundles.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// An explicit tsconfig keeps compilation the same from any working directory.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });

// `workbench profile x | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
