/**
 * Dropped files become content-addressed dataset versions: saved, found
 * again after a reload and a browser restart, deduplicated across line
 * endings and quoting, and compared.
 */
import { test } from './harness.js';
import { assert, dropFile, goTo, listedVersions, saveVersion, shortIdIn, waitForDraft } from './helpers.js';

const HEADER = 'id,city,temp,when';
const ROWS = [
  '1,Oslo,3.5,2024-01-15',
  '2,Rome,14.25,2024-01-16',
  '3,Lima,22,2024-01-17',
  '4,Oslo,-1.5,2024-01-18',
  '5,Cairo,25,2024-01-19',
];
const LF = [HEADER, ...ROWS].join('\n') + '\n';
// Same data: CRLF line endings, quoted strings, no final newline.
const CRLF = [HEADER, ...ROWS.map((r) => r.replace(/,([A-Z][a-z]+),/, ',"$1",'))].join('\r\n');
// Rome removed, two rows added, a column added.
const CHANGED =
  [
    'id,city,temp,when,humidity',
    '1,Oslo,3.5,2024-01-15,80',
    '3,Lima,22,2024-01-17,70',
    '4,Oslo,-1.5,2024-01-18,85',
    '5,Cairo,25,2024-01-19,20',
    '6,Quito,13,2024-01-20,75',
    '7,Perth,30.5,2024-01-21,40',
  ].join('\n') + '\n';

let firstId = '';

test('dropping a CSV file on the data view shows its profile', async (s) => {
  const page = await s.open();
  await dropFile(page, 'measurements.csv', LF);
  assert.deepEqual(await waitForDraft(page, 'measurements.csv'), { rows: '5', columns: '4' });
  assert.equal(await page.getByLabel('Type of temp', { exact: true }).inputValue(), 'number');
  assert.equal(await page.getByLabel('Type of when', { exact: true }).inputValue(), 'datetime');
  const when = page.getByRole('row', { name: /^when\b/ });
  assert.equal(await when.locator('[data-stat="min"]').textContent(), '2024-01-15');
  assert.equal(await when.locator('[data-stat="max"]').textContent(), '2024-01-19');
});

test('saving creates a new version named after the file, with its short id', async (s) => {
  const page = s.page;
  assert.equal(await page.getByLabel('Version name', { exact: true }).inputValue(), 'measurements');
  const status = await saveVersion(page, { note: 'first cut' });
  assert.match(status, /^Saved new version “measurements” with id [0-9a-f]{12}\.$/);
  firstId = shortIdIn(status);
});

test('the version is still listed after a reload', async (s) => {
  const page = s.page;
  await page.reload();
  await goTo(page, 'Versions');
  assert.deepEqual(await listedVersions(page), [{ name: 'measurements', id: firstId }]);
});

test('the same data with CRLF line endings and other quoting is already saved, with the same id', async (s) => {
  const page = s.page;
  await goTo(page, 'Data');
  await dropFile(page, 'measurements-crlf.csv', CRLF);
  await waitForDraft(page, 'measurements-crlf.csv');
  const status = await saveVersion(page);
  assert.match(status, /already saved as “measurements”/);
  assert.equal(shortIdIn(status), firstId);
  await goTo(page, 'Versions');
  assert.equal((await listedVersions(page)).length, 1, 'nothing new was stored');
});

test('a changed file saves as a second version and the diff shows what changed', async (s) => {
  const page = s.page;
  await goTo(page, 'Data');
  await dropFile(page, 'measurements.csv', CHANGED);
  assert.deepEqual(await waitForDraft(page, 'measurements.csv'), { rows: '6', columns: '5' });
  const secondId = shortIdIn(await saveVersion(page, { name: 'measurements v2' }));
  assert.notEqual(secondId, firstId);

  await goTo(page, 'Versions');
  assert.deepEqual(await listedVersions(page), [
    { name: 'measurements v2', id: secondId },
    { name: 'measurements', id: firstId },
  ]);
  assert.match(await page.getByLabel('From version').locator('option:checked').textContent(), new RegExp(firstId));
  assert.match(await page.getByLabel('To version').locator('option:checked').textContent(), new RegExp(secondId));
  await page.getByRole('button', { name: 'Show diff' }).click();

  await page.getByRole('heading', { name: /^Diff from measurements/ }).waitFor();
  assert.equal(await page.getByTestId('rows-added').textContent(), '2');
  assert.equal(await page.getByTestId('rows-removed').textContent(), '1');
  assert.equal(await page.getByTestId('rows-unchanged').textContent(), '4');
  assert.match(await page.getByRole('list', { name: 'Column changes' }).textContent(), /Added humidity/);
  const removed = await page
    .getByRole('table', { name: 'Sample of removed rows' })
    .locator('tbody tr')
    .first()
    .locator('td')
    .allTextContents();
  assert.deepEqual(removed.slice(0, 2), ['2', 'Rome']);
  await page
    .getByRole('table', { name: 'Statistic changes' })
    .getByRole('row', { name: /^temp\b/ })
    .first()
    .waitFor();
});

test('opening a saved version brings it back into the draft', async (s) => {
  const page = s.page;
  await page.getByRole('button', { name: `Open measurements ${firstId}` }).click();
  assert.deepEqual(await waitForDraft(page, 'measurements'), { rows: '5', columns: '4' });
  assert.match(
    await page.getByRole('list', { name: 'Read notes' }).textContent(),
    new RegExp(`Opened saved version measurements \\(${firstId}\\)`),
  );
});

test('the versions are still there after closing and reopening the browser', async (s) => {
  await s.restart();
  const page = await s.open('#versions');
  assert.deepEqual(
    (await listedVersions(page)).map((v) => v.name),
    ['measurements v2', 'measurements'],
  );
});
