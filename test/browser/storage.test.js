/**
 * The storage panel: usage and persistence, and "Erase all local data"
 * behind a confirmation that can be cancelled. Each test opens the app and
 * saves the version it needs.
 */
import { test } from './harness.js';
import { assert, goTo, listedVersions, saveVersion, waitForDraft } from './helpers.js';

test('the storage panel shows usage and persistence and asks for persistence', async (s) => {
  const page = await s.open();
  await page.getByRole('button', { name: 'Load Iris' }).click();
  await waitForDraft(page, 'iris.csv');
  await saveVersion(page);

  await goTo(page, 'Storage');
  await page
    .getByTestId('storage-usage')
    .filter({ hasText: / of \d/ })
    .waitFor();
  assert.match(await page.getByTestId('storage-persistent').textContent(), /^(yes|no)$/);
  // Headless Chromium refuses persistence unless durableStorage is granted.
  const cdp = await s.context.newCDPSession(page);
  await cdp.send('Browser.grantPermissions', { permissions: ['durableStorage'], origin: new URL(s.baseUrl).origin });
  await page.getByRole('button', { name: 'Make storage persistent' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /Storage is now persistent/ })
    .waitFor();
  assert.equal(await page.getByTestId('storage-persistent').textContent(), 'yes');
  assert.equal(await page.getByRole('button', { name: 'Make storage persistent' }).isDisabled(), true);
});

test('cancelling the erase confirmation keeps everything', async (s) => {
  const page = await s.open();
  await page.getByRole('button', { name: 'Load Iris' }).click();
  await waitForDraft(page, 'iris.csv');
  await saveVersion(page); // new, or already saved by the test above: one version either way
  await goTo(page, 'Storage');
  await page.getByRole('button', { name: 'Erase all local data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Erase all local data?' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await goTo(page, 'Versions');
  assert.equal((await listedVersions(page)).length, 1);
});

test('erasing all local data empties the versions and restarts the audit log', async (s) => {
  const page = await s.open();
  await page.getByRole('button', { name: 'Load Iris' }).click();
  await waitForDraft(page, 'iris.csv');
  await saveVersion(page);
  await goTo(page, 'Storage');
  await page.getByRole('button', { name: 'Erase all local data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Erase all local data?' });
  await dialog.getByRole('button', { name: 'Erase', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  // A confirmation of what went, and the usage the browser still reports.
  await page
    .getByRole('status')
    .filter({
      hasText:
        /^Erased 1 dataset version, 0 runs, 0 registered models and \d+ audit events?\. The browser still reports [\d.]+ (bytes|KiB|MiB) in use/,
    })
    .waitFor();

  await goTo(page, 'Versions');
  await page.getByText('No versions saved yet.').waitFor();
  await goTo(page, 'Data');
  assert.equal(await page.getByTestId('row-count').count(), 0, 'the draft is gone too');

  await goTo(page, 'Audit log');
  const rows = page.getByRole('table', { name: 'Audit events, newest first' }).locator('tbody tr');
  await rows.first().waitFor();
  const types = await rows.locator('td:nth-child(4)').allTextContents();
  assert.deepEqual(types, ['workspace.erased']);

  await page.reload();
  await goTo(page, 'Versions');
  await page.getByText('No versions saved yet.').waitFor();
});
