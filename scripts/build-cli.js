#!/usr/bin/env node
/**
 * Builds the `workbench` CLI (src/cli/main.ts) into dist-cli/ with
 * vite.cli.config.ts, and records a hash of its sources next to it.
 *
 *   node scripts/build-cli.js             # build (npm run build:cli; `prepare` runs it on npm install / npm ci)
 *   node scripts/build-cli.js --if-stale  # build only when src/ changed since the last build (the unit tests' setup)
 *
 * Needs no network. Without Vite (an install that left out devDependencies)
 * it says so and exits 0: bin/workbench.js then runs the source with tsx.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'dist-cli');
const stampFile = join(outDir, 'source-hash.txt');
/** Besides src/: what else changes the build's output. */
const INPUTS = ['package.json', 'tsconfig.json', 'vite.cli.config.ts'];

/** SHA-256 over every file under src/ and the inputs above, paths included (~10 ms). */
export function sourceHash() {
  const hash = createHash('sha256');
  const files = [...listFiles(join(root, 'src')), ...INPUTS.map((f) => join(root, f))].sort();
  for (const file of files) {
    hash.update(`${relative(root, file)}\0`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/** True when dist-cli/ was built from exactly the current sources. */
export function isFresh() {
  return existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === sourceHash();
}

/** Builds dist-cli/ (when stale only, with `ifStale`); resolves to what it did. */
export async function buildCli({ ifStale = false } = {}) {
  if (ifStale && isFresh()) return 'fresh';
  let vite;
  try {
    vite = await import('vite');
  } catch {
    console.error(
      'build-cli: Vite is not installed (devDependencies left out?); the CLI will run from source with tsx.',
    );
    return 'skipped';
  }
  const hash = sourceHash();
  await vite.build({ configFile: join(root, 'vite.cli.config.ts'), root, logLevel: 'warn' });
  writeFileSync(stampFile, `${hash}\n`);
  return 'built';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await buildCli({ ifStale: process.argv.includes('--if-stale') });
  if (result === 'built') console.error(`build-cli: built ${relative(process.cwd(), outDir) || outDir}/`);
}
