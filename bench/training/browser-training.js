/**
 * MLP throughput per TF.js backend in Chromium: builds bench/training/browser,
 * serves it with the generated training set, and collects each backend's
 * result from the page (one fresh module worker per backend).
 */
import { spawnSync } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../lib/chromium.js';
import { serveStatic } from '../lib/static-server.js';

const here = dirname(fileURLToPath(import.meta.url));
const benchDir = join(here, '..');
const dataDir = join(benchDir, '.data');

/**
 * @param {{ setPath: string, set: { features: number, classes: number, trainRows: number, testRows: number },
 *   backends: string[], budgetMs: number, quick: boolean }} options
 * @returns {Promise<{ chromium: string, results: any[] }>}
 */
export async function browserTraining({ setPath, set, backends, budgetMs, quick }) {
  const build = spawnSync('npx', ['vite', 'build', '--config', join(here, 'browser/vite.config.ts')], {
    stdio: 'inherit',
    cwd: join(benchDir, '..'),
  });
  if (build.status !== 0) throw new Error('building bench/training/browser failed (see above)');
  const server = await serveStatic({ '/': join(dataDir, 'training-browser-dist'), '/data/': dirname(setPath) });
  // WebGPU is off by default on Linux; the flag lets TF.js try it (on SwiftShader here).
  const browser = await launchChromium(dataDir, { extraArgs: ['--enable-unsafe-webgpu'] });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const query = new URLSearchParams({
      set: `/data/${basename(setPath)}`,
      meta: JSON.stringify({
        features: set.features,
        classes: set.classes,
        trainRows: set.trainRows,
        testRows: set.testRows,
      }),
      backends: backends.join(','),
      budget: String(budgetMs),
      quick: quick ? '1' : '0',
    });
    await page.goto(`${server.url}/?${query}`);
    let reported = 0;
    for (;;) {
      const state = await page.evaluate(() => /** @type {any} */ (window).__bench);
      for (const r of state.results.slice(0, state.current ? -1 : undefined).slice(reported)) {
        const what = r.sample
          ? `${Math.round(r.sample.examplesPerSec).toLocaleString('en')} examples/s on ${r.sample.rows.toLocaleString('en')} rows`
          : r.error
            ? `failed: ${r.error.split('\n')[0]}`
            : `picked ${r.choice?.name}`;
        console.error(`  chromium ${r.requested}: ${what}`);
        reported++;
      }
      if (state.error) throw new Error(`benchmark page failed: ${state.error}`);
      if (state.done)
        return {
          chromium: browser.context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent)),
          results: state.results,
        };
      await page.waitForTimeout(500);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
