/**
 * Phone width: at 390 × 844 no view is wider than the viewport (tables and
 * the navigation scroll inside their own boxes), with data loaded so the
 * wide tables are on show.
 */
import { test } from './harness.js';
import { assert, saveVersion, waitForDraft } from './helpers.js';

test('every view fits a 390 px wide phone screen', async (s) => {
  const page = await s.open();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Load Palmer penguins' }).click();
  await waitForDraft(page, 'penguins.csv');
  await saveVersion(page);
  const nav = page.getByRole('navigation', { name: 'Workbench' });
  const views = await nav.getByRole('button').allTextContents();
  assert.ok(views.length >= 8, views.join(', '));
  const tooWide = [];
  for (const view of views) {
    const button = nav.getByRole('button', { name: view.trim(), exact: true });
    await button.click();
    await nav.locator('button[aria-current="page"]', { hasText: view.trim() }).waitFor();
    // Let the view render what its state already holds (two frames).
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) tooWide.push(`${view.trim()}: ${width} px`);
  }
  assert.deepEqual(tooWide, []);
});
