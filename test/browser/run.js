#!/usr/bin/env node
/**
 * Browser tests: builds the app, serves the build with `vite preview`, and
 * drives Debian's Chromium with playwright-core through test/browser/*.test.js.
 * Each test file gets a fresh browser profile and sets up what it needs, so
 * files pass alone and in any order. Skips (exit 0, loudly) when Chromium is
 * missing, unless CI or REQUIRE_BROWSER_TESTS is set.
 *
 * Usage: node test/browser/run.js [--reverse | --shuffle] [file.test.js …]
 *   --reverse   run the files in reverse order
 *   --shuffle   run the files in a random order (printed), to check they are independent
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { takeTests } from './harness.js';
import { Session } from './session.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const required = Boolean(process.env.CI || process.env.REQUIRE_BROWSER_TESTS);

if (!existsSync(executablePath)) {
  const bar = '!'.repeat(72);
  console.error(
    [
      bar,
      `BROWSER TESTS SKIPPED: Chromium not found at ${executablePath}.`,
      'Install it (apt-get install -y chromium) or set CHROMIUM_PATH.',
      required ? 'CI / REQUIRE_BROWSER_TESTS is set, so this is a failure.' : 'Nothing in the browser was tested.',
      bar,
    ].join('\n'),
  );
  process.exit(required ? 1 : 0);
}

/** Port 4173 when free, otherwise any free port (another preview may be running). */
async function freePort(preferred) {
  const tryListen = (port) =>
    new Promise((done) => {
      const server = createServer();
      server.once('error', () => done(null));
      server.listen(port, '127.0.0.1', () => {
        const { port: bound } = server.address();
        server.close(() => done(bound));
      });
    });
  return (await tryListen(preferred)) ?? (await tryListen(0));
}

async function runTest(session, { name, fn, timeoutMs }) {
  const started = performance.now();
  session.takePageErrors();
  let timer;
  try {
    await Promise.race([
      fn(session),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    const errors = session.takePageErrors();
    if (errors.length > 0) throw new Error(`uncaught error in the page: ${errors.join(' | ')}`);
    console.log(`  ✓ ${name} (${Math.round(performance.now() - started)} ms)`);
    return true;
  } catch (error) {
    console.log(
      `  ✗ ${name}\n      ${String(error?.stack ?? error)
        .split('\n')
        .slice(0, 6)
        .join('\n      ')}`,
    );
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** The files in the order asked for: as given (or by name), reversed, or shuffled. */
function orderFiles(files, args) {
  if (args.includes('--reverse')) return [...files].reverse();
  if (!args.includes('--shuffle')) return files;
  const shuffled = [...files];
  for (let i = shuffled.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  return shuffled;
}

const outDir = mkdtempSync(join(tmpdir(), 'workbench-dist-'));
let server = null;
let failed = 0;
let passed = 0;
let skipped = 0;
try {
  const { build, preview } = await import('vite');
  console.log('Building the app…');
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const port = await freePort(4173);
  server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { port, strictPort: true, host: '127.0.0.1', open: false },
  });
  const baseUrl = `http://127.0.0.1:${port}/`;
  console.log(`Serving the build at ${baseUrl}; Chromium: ${executablePath}`);

  const args = process.argv.slice(2);
  const requested = args.filter((a) => !a.startsWith('--')).map((f) => resolve(f));
  const files = orderFiles(
    requested.length
      ? requested
      : readdirSync(here)
          .filter((f) => f.endsWith('.test.js'))
          .sort()
          .map((f) => join(here, f)),
    args,
  );
  if (args.includes('--reverse') || args.includes('--shuffle'))
    console.log(`Order: ${files.map((f) => basename(f)).join(', ')}`);

  for (const file of files) {
    await import(pathToFileURL(file).href);
    const tests = takeTests();
    console.log(`\n${basename(file)}`);
    const session = new Session({ executablePath, baseUrl });
    try {
      await session.start();
      let failedStep = null;
      for (const t of tests) {
        // A file's tests are steps of one story: after a failed step the rest would fail for the same reason.
        if (failedStep !== null) {
          console.log(`  - ${t.name} (skipped: "${failedStep}" failed)`);
          skipped += 1;
        } else if (await runTest(session, t)) passed += 1;
        else {
          failed += 1;
          failedStep = t.name;
        }
      }
    } catch (error) {
      failed += 1;
      console.log(`  ✗ could not run ${basename(file)}: ${error?.message ?? error}`);
    } finally {
      await session.dispose();
    }
  }
} catch (error) {
  failed += 1;
  console.error(`Browser tests could not run: ${error?.stack ?? error}`);
} finally {
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
}

console.log(
  `\nBrowser tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped after a failure` : ''}.`,
);
process.exit(failed > 0 ? 1 : 0);
