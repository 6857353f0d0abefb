/**
 * The bundled samples: one click loads one, its profile shows, nothing is
 * fetched from anywhere but the app's own server, and a type override is
 * audited. Each test opens the app and loads the sample it needs.
 */
import { test } from './harness.js';
import { assert, goTo, waitForDraft } from './helpers.js';

test('the page offers the bundled samples and one click loads Palmer penguins with its profile', async (s) => {
  const page = await s.open();
  await page.getByRole('button', { name: 'Load Iris' }).waitFor();
  await page.getByRole('button', { name: 'Load Palmer penguins' }).click();

  const counts = await waitForDraft(page, 'penguins.csv');
  assert.deepEqual(counts, { rows: '344', columns: '7' });

  const typeOf = (name) => page.getByLabel(`Type of ${name}`, { exact: true }).inputValue();
  assert.equal(await typeOf('species'), 'category');
  assert.equal(await typeOf('body_mass_g'), 'integer');
  assert.equal(await typeOf('bill_length_mm'), 'number');
  const typeOptions = await page.getByLabel('Type of species', { exact: true }).locator('option').count();
  assert.equal(typeOptions, 7, 'all seven column types are offered');
  const roleOptions = await page.getByLabel('Role of species', { exact: true }).locator('option').allTextContents();
  assert.deepEqual(roleOptions, ['feature', 'target', 'timestamp', 'entity id', 'ignore']);

  // body_mass_g: 2 of 344 missing; mean 4201.754 g (palmerpenguins' published summary).
  const mass = page.getByRole('row', { name: /^body_mass_g\b/ });
  const cells = await mass.getByRole('cell').allTextContents();
  assert.equal(cells[2], '2', 'missing count of body_mass_g');
  assert.equal(await mass.locator('[data-stat="mean"]').textContent(), '4,201.75');
  assert.equal(await mass.locator('[data-stat="min"]').textContent(), '2,700');
  assert.equal(await mass.locator('[data-stat="max"]').textContent(), '6,300');
  assert.match(
    (await mass.getByRole('img').getAttribute('aria-label')) ?? '',
    /^Histogram of body_mass_g: \d+ bins from 2,700 to 6,300$/,
  );

  const island = await page.getByRole('list', { name: 'Top values of island' }).textContent();
  assert.match(island ?? '', /Biscoe\s*168/);

  const preview = page.getByRole('table', { name: /^First \d+ rows$/ });
  assert.deepEqual((await preview.locator('tbody tr').first().locator('td').allTextContents()).slice(0, 3), [
    'Adelie',
    'Torgersen',
    '39.1',
  ]);
  assert.ok((await page.getByRole('list', { name: 'Read notes' }).textContent())?.length, 'read notes are shown');
  await page.getByRole('heading', { name: 'Data-quality warnings' }).waitFor();
});

test('loading the iris sample replaces the draft', async (s) => {
  const page = await s.open();
  await page.getByRole('button', { name: 'Load Palmer penguins' }).click();
  await waitForDraft(page, 'penguins.csv');
  await page.getByRole('button', { name: 'Load Iris' }).click();
  const counts = await waitForDraft(page, 'iris.csv');
  assert.deepEqual(counts, { rows: '150', columns: '5' });
  assert.equal(await page.getByLabel('Type of species', { exact: true }).inputValue(), 'category');
  const petal = page.getByRole('row', { name: /^petal_length\b/ });
  assert.equal(await petal.locator('[data-stat="min"]').textContent(), '1');
  assert.equal(await petal.locator('[data-stat="max"]').textContent(), '6.9');
});

test('overriding a column type shows the new type and appends an audit event', async (s) => {
  const page = await s.open();
  await page.getByRole('button', { name: 'Load Iris' }).click();
  await waitForDraft(page, 'iris.csv');
  const select = page.getByLabel('Type of species', { exact: true });
  await select.selectOption('text');
  await page.waitForFunction(() => document.querySelector('select[aria-label="Type of species"]')?.value === 'text');
  await goTo(page, 'Audit log');
  const event = page.getByRole('row').filter({ hasText: 'column.type_overridden' });
  await event.first().waitFor();
  const cells = await event.first().getByRole('cell').allTextContents();
  assert.equal(cells[2], 'local-user');
  assert.equal(cells[4], 'species');
  assert.equal(cells[5], 'category → text');
  assert.match(cells[6], /^[0-9a-f]{12}$/);
});

test('no request goes to any origin but the preview server', async (s) => {
  // Every URL the page asks for while the app starts and loads a sample.
  const requests = [];
  s.page.on('request', (request) => requests.push(request.url()));
  const page = await s.open();
  await page.getByRole('button', { name: 'Load Palmer penguins' }).click();
  await waitForDraft(page, 'penguins.csv');
  const origin = new URL(s.baseUrl).origin;
  assert.ok(requests.length >= 3, `the page made its own requests (${requests.length})`);
  const foreign = requests.filter(
    (url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin,
  );
  assert.deepEqual(foreign, []);
  assert.ok(!requests.some((url) => url.endsWith('.csv')), 'samples are bundled, not fetched');
});
