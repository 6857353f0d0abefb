/**
 * Phone width: at 390 × 844 no view is wider than the viewport (tables and
 * the navigation scroll inside their own boxes), with data loaded so the
 * wide tables are on show: a dataset version, a run and a registered model.
 */
import { LONG, test } from './harness.js';
import { assert, goTo, saveVersion, waitForDraft } from './helpers.js';
import { registerRun } from './registry-helpers.js';
import { chooseModel, setField, trainAndWait } from './train-helpers.js';

test(
  'every view fits a 390 px wide phone screen',
  async (s) => {
    const page = await s.open();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Load Palmer penguins' }).click();
    await waitForDraft(page, 'penguins.csv');
    await saveVersion(page);
    await goTo(page, 'Train');
    await chooseModel(page, 'Random forest');
    await setField(page, 'Trees', 3);
    await trainAndWait(page, 'forest #1');
    await goTo(page, 'Runs');
    await registerRun(page, 'forest #1', 'penguins');
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
      if (width > 390) tooWide.push(`${view.trim()}: ${width} px (${await widestLeaves(page)})`);
    }
    assert.deepEqual(tooWide, []);
  },
  LONG,
);

/** The innermost elements that stick out past 390 px (outside scroll boxes), to say what to fix. */
function widestLeaves(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => !el.closest('.scroll, nav') && el.getBoundingClientRect().right > 391)
      .filter((el) => [...el.children].every((c) => c.getBoundingClientRect().right <= 391))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${el.textContent.trim().slice(0, 30)}"`)
      .join('; '),
  );
}
