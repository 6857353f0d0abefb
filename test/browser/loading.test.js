/**
 * Loading files: the "Load CSV" picker, bad input reported in an alert that
 * changes nothing, and the worker's progress on a large file. Each test
 * opens the app and loads what it needs.
 */
import { test } from './harness.js';
import { assert, dropFile, waitForDraft } from './helpers.js';

test('picking a file with the "Load CSV" input loads it', async (s) => {
  const page = await s.open();
  await page.getByLabel('Load CSV', { exact: true }).setInputFiles({
    name: 'picked.tsv',
    mimeType: 'text/tab-separated-values',
    buffer: Buffer.from('a\tb\n1\tx\n2\ty\n3\tx\n'),
  });
  assert.deepEqual(await waitForDraft(page, 'picked.tsv'), { rows: '3', columns: '2' });
  assert.match(await page.getByRole('list', { name: 'Read notes' }).textContent(), /tab/i);
});

test('a file the worker rejects shows an alert and leaves the loaded data as it was', async (s) => {
  const page = await s.open();
  await page.getByRole('button', { name: 'Load Iris' }).click();
  await waitForDraft(page, 'iris.csv');

  await dropFile(page, 'empty.csv', '');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.ok(((await alert.textContent()) ?? '').trim().length > 20, 'the alert says what is wrong');
  assert.deepEqual(await waitForDraft(page, 'iris.csv'), { rows: '150', columns: '5' });

  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await alert.waitFor({ state: 'detached' });
});

test('a large file shows a progress bar fed by the worker', async (s) => {
  const page = await s.open();
  // Record every value the progress bar takes: the parse may be quicker than polling.
  await page.evaluate(() => {
    const seen = [];
    window.__progress = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"]');
      if (bar) seen.push(Number(bar.getAttribute('aria-valuenow')));
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
  const rows = ['x,y,label'];
  for (let i = 0; i < 300_000; i += 1) rows.push(`${i},${((i * 7919) % 1000) / 10},${i % 3 ? 'a' : 'b'}`);
  await dropFile(page, 'large.csv', rows.join('\n'));
  assert.deepEqual(await waitForDraft(page, 'large.csv'), { rows: '300,000', columns: '3' });
  const seen = await page.evaluate(() => window.__progress);
  assert.ok(seen.length >= 2, `the progress bar updated (${seen.length} values)`);
  assert.ok(
    seen.some((v) => v > 0),
    `progress advanced: ${seen.slice(0, 20).join(', ')}`,
  );
  assert.equal(await page.getByRole('progressbar').count(), 0, 'the bar goes away when done');
});
