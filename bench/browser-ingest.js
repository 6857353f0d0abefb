/**
 * Part 1 in Chromium: builds the benchmark page (bench/browser), serves it
 * with the CSV, and collects the worker's timings.
 */
import { spawnSync } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './lib/chromium.js';
import { serveStatic } from './lib/static-server.js';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '.data');

/**
 * @param {{ csvPath: string, runs: number, only?: string[] }} options
 * @returns {Promise<{ bytes: number, chromium: string, samples: { id: string, run: number, ms: number, rows: number }[] }>}
 */
export async function browserIngest({ csvPath, runs, only }) {
  const build = spawnSync('npx', ['vite', 'build', '--config', join(here, 'browser/vite.config.ts')], {
    stdio: 'inherit',
    cwd: join(here, '..'),
  });
  if (build.status !== 0) throw new Error('building bench/browser failed (see above)');
  const server = await serveStatic({ '/': join(dataDir, 'browser-dist'), '/data/': dirname(csvPath) });
  const browser = await launchChromium(dataDir, { extraArgs: ['--js-flags=--expose-gc'] });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const query = new URLSearchParams({ file: `/data/${basename(csvPath)}`, runs: String(runs) });
    if (only) query.set('only', only.join(','));
    await page.goto(`${server.url}/?${query}`);
    let seen = 0;
    for (;;) {
      const state = await page.evaluate(() => /** @type {any} */ (window).__bench);
      for (const s of state.samples.slice(seen))
        console.error(`  chromium ${s.id} run ${s.run}: ${(s.ms / 1000).toFixed(2)} s`);
      seen = state.samples.length;
      if (state.error) throw new Error(`benchmark worker failed: ${state.error}`);
      if (state.done)
        return {
          bytes: state.bytes,
          chromium: browser.context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent)),
          samples: state.samples,
        };
      await page.waitForTimeout(500);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
