/**
 * Keyboard access: a skip link is the first Tab stop and moves focus past
 * the header and the navigation to the view.
 */
import { test } from './harness.js';
import { assert } from './helpers.js';

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
