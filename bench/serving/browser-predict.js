/**
 * The main thread while the Predict view scores a 100,000-row CSV (issue 9):
 * a penguins forest is trained and registered through the UI, then a CSV of
 * the penguins rows repeated is picked in "CSV file to score". The file is
 * handed to the predict worker, which reads, parses and scores it; the page
 * only shows progress and a preview. Long tasks (PerformanceObserver,
 * Chromium) are collected from the pick to the summary on screen: the
 * longest and how many exceed 50 ms.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium } from '../lib/chromium.js';
import { serveStatic } from '../lib/static-server.js';
import { buildApp, observeLongTasks } from '../app-large.js';

/**
 * @param {{ dataDir: string, rows: number, build?: boolean, timeoutMs?: number }} options
 * @returns {Promise<{ rows: number, seconds: number, longest: number, over50: number, tasks: number, frames: object[] }>}
 */
export async function browserPredict({ dataDir, rows, build = true, timeoutMs = 10 * 60_000 }) {
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
    const model = form.getByRole('combobox', { name: 'Model', exact: true });
    await model.selectOption(await model.locator('option', { hasText: 'Random forest' }).first().getAttribute('value'));
    await form.getByLabel('Trees', { exact: true }).fill('50');
    await form.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByRole('heading', { name: 'Run forest #1', exact: true }).waitFor();
    await nav(page, 'Runs');
    await page.getByRole('button', { name: 'Register forest #1', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Model name').fill('bench-predict');
    await dialog.getByRole('button', { name: 'Register version' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await nav(page, 'Predict');
    await page.getByTestId('predict-version').filter({ hasText: 'bench-predict@1' }).waitFor();

    const [header, ...lines] = (await readFile(new URL('../../public/samples/penguins.csv', import.meta.url), 'utf8'))
      .trim()
      .split('\n');
    const text = [header, ...Array.from({ length: rows }, (_, i) => lines[i % lines.length])].join('\n');
    // Picked by path, as a user's file is: a buffer would be decoded by script on the page's main thread.
    const path = join(dataDir, 'traffic.csv');
    await writeFile(path, text);
    const start = await page.evaluate(() => performance.now());
    await page.getByLabel('CSV file to score').setInputFiles(path);
    await page
      .getByTestId('scored-summary')
      .filter({ hasText: `Scored ${rows.toLocaleString('en')} rows of traffic.csv` })
      .waitFor();
    // Let the frame that shows the preview finish, so its task is counted too.
    await page.waitForTimeout(500);
    const end = await page.evaluate(() => performance.now());
    const tasks = await page.evaluate(
      ({ start, end }) => window.__longtasks.filter((t) => t.start >= start && t.start <= end),
      { start, end },
    );
    const durations = tasks.map((t) => t.duration);
    // What the long frames were made of (scripts, or style and layout), to find what blocks.
    const frames = await page.evaluate(
      ({ start, end }) => window.__loaf.filter((f) => f.start >= start && f.start <= end && f.duration > 50),
      { start, end },
    );
    return {
      rows,
      seconds: (end - start - 500) / 1000,
      longest: durations.length ? Math.max(...durations) : 0,
      over50: durations.filter((d) => d > 50).length,
      tasks: durations.length,
      frames,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function nav(page, label) {
  await page.getByRole('navigation', { name: 'Workbench' }).getByRole('button', { name: label, exact: true }).click();
}
