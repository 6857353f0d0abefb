/**
 * Replay in the real, built app (issue 9, Performance): the path a user
 * takes — models trained and registered in the UI on the penguins sample, a
 * 100,000-request traffic file (the penguins rows repeated) dropped and
 * saved as a version, then a shadow rollout of version 2 against version 1
 * of each model from the Deploy area. The replay runs in the replay worker
 * (src/adapters/workers/replay.worker.ts): it reads the traffic and models
 * from IndexedDB, scores every request with both versions, routes, and
 * writes the 200,000-entry prediction log back to IndexedDB. Timed from
 * the click on "Start rollout" to the result on screen.
 */
import { readFile } from 'node:fs/promises';
import { launchChromium } from '../lib/chromium.js';
import { serveStatic } from '../lib/static-server.js';
import { buildApp } from '../app-large.js';

const KINDS = [
  { kind: 'forest', label: 'Random forest', fields: [{ Trees: 50 }, { Trees: 60 }] },
  { kind: 'logistic', label: 'Logistic regression', fields: [{}, {}] },
  { kind: 'mlp', label: 'MLP', fields: [{ Epochs: 10 }, { Epochs: 12 }] },
];

/**
 * @param {{ dataDir: string, requests: number, build?: boolean, timeoutMs?: number }} options
 * @returns {Promise<{ requests: number, chromium: string, models: object[] }>}
 */
export async function browserServing({ dataDir, requests, build = true, timeoutMs = 15 * 60_000 }) {
  const appDir = build ? buildApp() : `${dataDir}/app-dist`;
  const server = await serveStatic({ '/': appDir });
  const browser = await launchChromium(dataDir);
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(timeoutMs);
    await page.goto(`${server.url}/#train`);
    await page.getByRole('button', { name: 'Use the Palmer penguins sample' }).click();
    const form = page.getByRole('form', { name: 'Training run' });
    await form.waitFor();
    let run = 0;
    for (const { kind, label, fields } of KINDS) {
      for (const values of fields) {
        run++;
        const model = form.getByRole('combobox', { name: 'Model', exact: true });
        await model.selectOption(await model.locator('option', { hasText: label }).first().getAttribute('value'));
        for (const [name, value] of Object.entries(values))
          await form.getByLabel(name, { exact: true }).fill(String(value));
        await form.getByRole('button', { name: 'Train', exact: true }).click();
        await page.getByRole('heading', { name: `Run ${kind} #${run}`, exact: true }).waitFor();
        await nav(page, 'Runs');
        await page.getByRole('button', { name: `Register ${kind} #${run}`, exact: true }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('Model name').fill(`bench-${kind}`);
        await dialog.getByRole('button', { name: 'Register version' }).click();
        await dialog.waitFor({ state: 'hidden' });
        await nav(page, 'Train');
      }
    }
    const [header, ...rows] = (await readFile(new URL('../../public/samples/penguins.csv', import.meta.url), 'utf8'))
      .trim()
      .split('\n');
    const text = [header, ...Array.from({ length: requests }, (_, i) => rows[i % rows.length])].join('\n');
    await nav(page, 'Data');
    const transfer = await page.evaluateHandle((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'traffic.csv', { type: 'text/csv' }));
      return dt;
    }, text);
    await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
    await page.getByRole('heading', { name: 'traffic.csv', exact: true }).waitFor();
    await page.getByLabel('Version name', { exact: true }).fill('traffic');
    await page.getByRole('button', { name: 'Save version' }).click();
    await page
      .locator('form p[role="status"]')
      .filter({ hasText: /[0-9a-f]{12}/ })
      .waitFor();

    await nav(page, 'Deploy');
    await page.getByRole('group', { name: 'Deploy sections' }).getByRole('button', { name: 'Rollout' }).click();
    const rollout = page.getByRole('form', { name: 'Rollout' });
    const models = [];
    for (const { kind } of KINDS) {
      await rollout.getByLabel('Stable version').selectOption(`bench-${kind}@1`);
      await rollout.getByLabel('Candidate version').selectOption(`bench-${kind}@2`);
      const stream = rollout.getByLabel('Request stream');
      await stream.selectOption(await stream.locator('option', { hasText: 'traffic' }).first().getAttribute('value'));
      await rollout.getByLabel('Strategy', { exact: true }).selectOption('shadow');
      await rollout.getByRole('checkbox', { name: /Act on the decision/ }).setChecked(false);
      const start = await page.evaluate(() => performance.now());
      await rollout.getByRole('button', { name: 'Start rollout' }).click();
      const end = await resultShown(page, `shadow: bench-${kind}@2`, timeoutMs);
      const seconds = (end - start) / 1000;
      models.push({
        kind,
        seconds,
        requestsPerSecond: requests / seconds,
        predictionsPerSecond: (2 * requests) / seconds,
      });
      console.error(`  browser replay ${kind}: ${seconds.toFixed(2)} s for ${requests} requests × 2 versions`);
    }
    const chromium = await page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '?');
    return { requests, chromium, models };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function nav(page, label) {
  await page.getByRole('navigation', { name: 'Workbench' }).getByRole('button', { name: label, exact: true }).click();
}

/**
 * Polls (every 20 ms, through page.evaluate: the app's CSP forbids the eval
 * that waitForFunction needs) until the rollout result naming `text` is
 * shown; returns the page's performance.now() then. An alert fails fast.
 */
async function resultShown(page, text, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const state = await page.evaluate((t) => {
      const alert = document.querySelector('[role="alert"]');
      if (alert && alert.textContent.trim()) return { error: alert.textContent.trim() };
      const result = document.querySelector('[aria-label="Rollout result"]');
      return result && result.textContent.includes(t) ? { at: performance.now() } : null;
    }, text);
    if (state?.error) throw new Error(`the app showed an error: ${state.error}`);
    if (state) return state.at;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no rollout result "${text}" within ${timeoutMs} ms`);
}
