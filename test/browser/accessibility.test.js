/**
 * Keyboard access and an automated accessibility check: a skip link is the
 * first Tab stop; axe-core (injected from its package file, no network)
 * finds zero violations on the empty state of every view of an empty
 * workspace, and on every view of a workspace with content (a saved
 * version, a trained run, a version in Production), in the light and the
 * dark theme, on the Lessons area with a lesson open, and with a glossary
 * definition showing.
 */
import { createRequire } from 'node:module';
import { LONG, test } from './harness.js';
import { assert, goTo, saveVersion, waitForDraft } from './helpers.js';
import { move, registerRun } from './registry-helpers.js';
import { chooseModel, trainAndWait } from './train-helpers.js';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The views and what shows each one has rendered its content. */
const VIEWS = [
  ['Data', (page) => page.getByTestId('drop-zone')],
  ['Versions', (page) => page.getByRole('table', { name: 'Dataset versions, newest first' })],
  ['Features', (page) => page.getByRole('heading', { name: 'Features', level: 2 })],
  ['Train', (page) => page.getByRole('form', { name: 'Training run' })],
  ['Runs', (page) => page.getByRole('table', { name: 'Training runs' })],
  ['Registry', (page) => page.getByRole('table', { name: 'Versions of iris' })],
  ['Predict', (page) => page.locator('main h2').first()],
  ['Deploy', (page) => page.locator('main h2').first()],
  ['Lineage', (page) => page.locator('main h2').first()],
  ['Monitor', (page) => page.getByRole('form', { name: 'Drift lab' })],
  ['Audit log', (page) => page.locator('main h2').first()],
  ['Maturity', (page) => page.getByRole('heading', { name: 'Maturity', level: 2 })],
  ['Storage', (page) => page.locator('main h2').first()],
  ['Lessons', (page) => page.getByRole('heading', { name: 'Lessons', level: 2 })],
];

/** What shows each view of an empty workspace has rendered: its empty state. */
const EMPTY_VIEWS = VIEWS.map(([label]) => [label, (page) => page.locator('main [data-testid="empty-state"]')]);

/** axe's violations on the page as short lines: rule, impact, the first few targets. */
async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      summary: v.nodes[0]?.failureSummary ?? '',
    }));
  });
  return found.map((v) => `${v.id} (${v.impact}): ${v.targets.join(' | ')} — ${v.summary.replace(/\s+/g, ' ')}`);
}

test('the first Tab stop skips the header and navigation to the content', async (s) => {
  const page = await s.open();
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement?.textContent?.trim());
  assert.equal(first, 'Skip to content');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main-content');
  // The next Tab lands inside the view, not on the navigation.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('main')?.id ?? null), 'main-content');
});

test('axe-core finds no violation on the empty state of any view of an empty workspace, in either theme', async (s) => {
  const cdp = await s.context.newCDPSession(s.page);
  await cdp.send('Page.setBypassCSP', { enabled: true });
  const page = await s.open();
  const found = [];
  for (const theme of ['dark', 'light']) {
    await page.getByRole('button', { name: 'Dark theme' }).click();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme ?? 'light'), theme);
    for (const [label, content] of EMPTY_VIEWS) {
      await goTo(page, label);
      await content(page).waitFor();
      found.push(...(await violations(page)).map((v) => `empty ${label} (${theme}): ${v}`));
    }
  }
  assert.deepEqual(found, [], found.join('\n'));
});

test(
  'axe-core finds no violation on any view, in either theme',
  async (s) => {
    // The page's CSP refuses injected scripts (csp.test.js proves it); let this page take axe.
    const cdp = await s.context.newCDPSession(s.page);
    await cdp.send('Page.setBypassCSP', { enabled: true });
    const page = await s.open();
    // Every view in the navigation is checked: a new view must be added to VIEWS.
    const nav = await page.getByRole('navigation', { name: 'Workbench' }).getByRole('button').allTextContents();
    assert.deepEqual(
      nav.map((t) => t.trim()),
      VIEWS.map(([label]) => label),
    );
    const found = [];
    found.push(...(await violations(page)).map((v) => `empty Data: ${v}`));
    await page.getByRole('button', { name: 'Load Iris' }).click();
    await waitForDraft(page, 'iris.csv');
    found.push(...(await violations(page)).map((v) => `Data with a draft: ${v}`));
    await saveVersion(page);
    await goTo(page, 'Train');
    await chooseModel(page, 'Logistic regression');
    await trainAndWait(page, 'logistic #1');
    await goTo(page, 'Runs');
    await registerRun(page, 'logistic #1', 'iris');
    await goTo(page, 'Registry');
    assert.equal((await move(page, 'iris', 1, 'Production', { reason: 'first model' })).blocked, false);

    for (const theme of ['light', 'dark']) {
      if (theme === 'dark') await page.getByRole('button', { name: 'Dark theme' }).click();
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme ?? 'light'), theme);
      // The palette really switched (app.css: --bg is light-dark(#f6f7f9, #12151b)).
      assert.equal(
        await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
        theme === 'dark' ? 'rgb(18, 21, 27)' : 'rgb(246, 247, 249)',
      );
      for (const [label, content] of VIEWS) {
        await goTo(page, label);
        await content(page).waitFor();
        found.push(...(await violations(page)).map((v) => `${label} (${theme}): ${v}`));
      }
      await page.getByRole('button', { name: /^(Start|Continue|Review)\b.*Metrics: accuracy/ }).click();
      await page.getByTestId('metric-formulas').locator('[data-formula="precision"]').waitFor();
      await page.locator('.term').first().focus();
      found.push(...(await violations(page)).map((v) => `metrics lesson (${theme}): ${v}`));
      await page.getByRole('button', { name: 'All lessons' }).click();
    }
    assert.deepEqual(found, [], found.join('\n'));
  },
  LONG,
);
