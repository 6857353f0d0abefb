/**
 * The "app-training" part: trains in the real, built app in Chromium as a
 * user would (Train view, the bundled penguins sample) and records the main
 * thread's long tasks while each run trains. Training runs in a Web Worker,
 * so the goal is no main-thread task over 50 ms. The browser tests check only
 * that the page stays responsive; the milliseconds are measured here.
 */
import { launchChromium } from './lib/chromium.js';
import { serveStatic } from './lib/static-server.js';
import { buildApp, observeLongTasks, pageTimeWhen } from './app-large.js';

/** The runs, in order: the first trains the MLP the browser test trains (40 epochs, no early stopping). */
const RUNS = [
  { name: 'mlp #1', label: 'MLP', fields: { Epochs: 40 }, earlyStopping: false },
  { name: 'forest #2', label: 'Random forest', fields: {}, earlyStopping: null },
  { name: 'logistic #3', label: 'Logistic regression', fields: {}, earlyStopping: null },
];

/**
 * @param {{ dataDir: string, build?: boolean, timeoutMs?: number }} options
 * @returns {Promise<{ runs: object[], chromium: string }>}
 */
export async function appTraining({ dataDir, build = true, timeoutMs = 10 * 60_000 }) {
  const appDir = build ? buildApp() : `${dataDir}/app-dist`;
  const server = await serveStatic({ '/': appDir });
  const browser = await launchChromium(dataDir);
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(timeoutMs);
    await page.addInitScript(observeLongTasks);
    await page.goto(`${server.url}/#train`);
    await page.getByRole('button', { name: 'Use the Palmer penguins sample' }).click();
    const form = page.getByRole('form', { name: 'Training run' });
    await form.waitFor();
    const runs = [];
    for (const run of RUNS) {
      const model = form.getByRole('combobox', { name: 'Model', exact: true });
      await model.selectOption(await model.locator('option', { hasText: run.label }).first().getAttribute('value'));
      for (const [label, value] of Object.entries(run.fields))
        await form.getByLabel(label, { exact: true }).fill(String(value));
      if (run.earlyStopping === false) await page.getByRole('checkbox', { name: 'Early stopping' }).uncheck();
      const start = await page.evaluate(() => performance.now());
      await form.getByRole('button', { name: 'Train', exact: true }).click();
      const end = await pageTimeWhen(
        page,
        (name) =>
          [...document.querySelectorAll('article[data-status]')].some(
            (a) => a.querySelector('h2, h3, h4')?.textContent?.trim() === `Run ${name}`,
          ),
        run.name,
        timeoutMs,
      );
      await page.waitForTimeout(300); // let the last long-task entries arrive
      const tasks = await page.evaluate(
        ({ start, end }) => window.__longtasks.filter((t) => t.start >= start && t.start <= end),
        { start, end },
      );
      const backend = await page
        .locator('article[data-status]')
        .first()
        .textContent()
        .then((text) => /\b(wasm|webgl|webgpu|cpu)\b/.exec(text)?.[1] ?? '—');
      runs.push({
        name: run.name,
        ms: end - start,
        backend: run.label === 'MLP' ? backend : '—',
        longTasks: tasks.length,
        over50: tasks.filter((t) => t.duration > 50).length,
        maxMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
      });
      console.error(`  app training ${run.name}: ${((end - start) / 1000).toFixed(2)} s, ${tasks.length} long tasks`);
    }
    const chromium = await page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '?');
    return { runs, chromium };
  } finally {
    await browser.close();
    await server.close();
  }
}
