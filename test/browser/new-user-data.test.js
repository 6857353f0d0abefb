/**
 * Issue 12, items 1–5, as a new user meets them on churn- and Titanic-like
 * files: label spellings kept, no false mixed-kind warnings, a warning and
 * a choice for missing values, a one-cell edit shown as one changed cell
 * (saved as the next version), and wide tables that scroll in their box.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, LONG } from './harness.js';
import { assert, dropFile, goTo, saveVersion, shortIdIn, waitForDraft } from './helpers.js';
import { trainAndWait, trainForm, chooseModel } from './train-helpers.js';

const fixture = (name) => readFileSync(fileURLToPath(new URL(`../fixtures/new-user/${name}`, import.meta.url)), 'utf8');
const CHURN = fixture('churn.csv');
const TITANIC = fixture('titanic.csv');

/** Selects the option of `select` whose text matches `pattern`. */
async function selectByText(select, pattern) {
  const options = await select
    .locator('option')
    .evaluateAll((os) => os.map((o) => ({ value: o.value, text: o.textContent })));
  const option = options.find((o) => pattern.test(o.text));
  assert.ok(option, `no option matches ${pattern} in ${options.map((o) => o.text).join(' | ')}`);
  await select.selectOption(option.value);
}

/** The page is no wider than the window: nothing scrolls sideways but the tables' own boxes. */
async function pageWidth(page) {
  return page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    window: document.documentElement.clientWidth,
  }));
}

let churnId = '';

test('a churn file shows its Yes/No values and no mixed-kind warnings for three-level categories', async (s) => {
  const page = await s.open();
  await dropFile(page, 'churn.csv', CHURN);
  assert.deepEqual(await waitForDraft(page, 'churn.csv'), { rows: '80', columns: '8' });
  assert.equal(await page.getByLabel('Type of churn', { exact: true }).inputValue(), 'boolean');
  const churnCells = await page
    .getByRole('table', { name: /^First \d+ rows$/ })
    .locator('tbody tr td:nth-child(8)')
    .allTextContents();
  assert.deepEqual([...new Set(churnCells)].sort(), ['No', 'Yes']);
  const warnings = await page.locator('li.warning').evaluateAll((items) => items.map((li) => li.dataset.code));
  assert.ok(!warnings.includes('mixed-types'), `no mixed-kind warning, got ${warnings.join(', ')}`);
  churnId = shortIdIn(await saveVersion(page));
});

test('a one-cell edit, loaded under the same name, saves as the next version and diffs as one changed cell', async (s) => {
  const page = s.page;
  const edited = CHURN.replace(
    'C0002,49,Month-to-month,Fiber optic,Yes,Yes,77.91,Yes',
    'C0002,49,Month-to-month,Fiber optic,Yes,Yes,79.99,Yes',
  );
  assert.notEqual(edited, CHURN);
  await dropFile(page, 'churn.csv', edited);
  await waitForDraft(page, 'churn.csv');
  const offer = page.getByRole('checkbox', { name: /Save as the next version of “churn”/ });
  assert.equal(await offer.isChecked(), true, 'the offer is there and on');
  const secondId = shortIdIn(await saveVersion(page, { name: 'churn v2' }));

  await goTo(page, 'Versions');
  const row = page.locator('tr', { has: page.getByRole('rowheader', { name: 'churn v2', exact: true }) });
  assert.match(await row.textContent(), new RegExp(`${churnId}\\s*churn`), 'the parent is the first version');
  await selectByText(page.getByLabel('From version'), new RegExp(churnId));
  await selectByText(page.getByLabel('To version'), new RegExp(secondId));
  await page.getByRole('button', { name: 'Show diff' }).click();
  await page.getByRole('heading', { name: /^Diff from churn/ }).waitFor();
  assert.equal(await page.getByTestId('rows-changed').textContent(), '1');
  assert.equal(await page.getByTestId('rows-added').textContent(), '0');
  assert.equal(await page.getByTestId('rows-removed').textContent(), '0');
  assert.match(await page.getByTestId('row-pairing').textContent(), /same “customer_id”/);
  const changed = page.getByRole('table', { name: 'Sample of changed rows' });
  assert.deepEqual(await changed.locator('tr.after td.cell-changed').allTextContents(), ['79.99']);
  assert.deepEqual(await changed.locator('tr.before td.cell-changed').allTextContents(), ['77.91']);
});

test('a wide file scrolls inside its tables, not the page (preview, profile, diff)', async (s) => {
  const page = s.page;
  const names = Array.from({ length: 40 }, (_, i) => `a_rather_long_column_name_${i}`);
  // Column 0 never changes: it names every row, so the diff pairs rows by it.
  const rows = (shift) =>
    Array.from({ length: 6 }, (_, r) =>
      names.map((_, c) => `value-${r}-${c}-${r === 2 && c > 0 ? shift : 0}`).join(','),
    );
  const wide = (shift) => [names.join(','), ...rows(shift)].join('\n') + '\n';
  await goTo(page, 'Data');
  await dropFile(page, 'wide.csv', wide(0));
  await waitForDraft(page, 'wide.csv');
  await page.getByRole('table', { name: /^First \d+ rows$/ }).waitFor();
  let width = await pageWidth(page);
  assert.ok(width.page <= width.window, `data view ${width.page} px in a ${width.window} px window`);
  await saveVersion(page);
  await dropFile(page, 'wide.csv', wide(1));
  await waitForDraft(page, 'wide.csv');
  await saveVersion(page, { name: 'wide v2' });
  await goTo(page, 'Versions');
  await selectByText(page.getByLabel('From version'), /^wide ·/);
  await selectByText(page.getByLabel('To version'), /^wide v2 ·/);
  await page.getByRole('button', { name: 'Show diff' }).click();
  await page.getByRole('table', { name: 'Sample of changed rows' }).waitFor();
  width = await pageWidth(page);
  assert.ok(width.page <= width.window, `versions view ${width.page} px in a ${width.window} px window`);
});

test(
  'Titanic: 20% missing age is a warning; dropping those rows is a choice the Train view counts and the run reports, with yes/no classes',
  async (s) => {
    const page = s.page;
    await goTo(page, 'Data');
    await dropFile(page, 'titanic.csv', TITANIC);
    await waitForDraft(page, 'titanic.csv');
    const age = page.locator('li.warning[data-code="missing-some"]');
    assert.match(await age.textContent(), /age:.*missing in 20\.0% of rows \(12 of 60\).*median of the training rows/s);
    await saveVersion(page);

    await goTo(page, 'Train');
    const form = trainForm(page);
    await selectByText(form.getByLabel('Dataset version'), /^titanic ·/);
    await form.getByRole('combobox', { name: /^Target/ }).selectOption('survived');
    await chooseModel(page, 'Logistic regression');
    await form.getByLabel('Fill missing feature values with').selectOption('drop');
    const note = page.getByTestId('missing-values');
    await note.filter({ hasText: /leaves out 12 of 60 rows/ }).waitFor();
    assert.match(await note.textContent(), /age 12 \(20\.0%\)/);

    const report = await trainAndWait(page, 'logistic #1');
    assert.match(
      await report.getByRole('list', { name: 'Run warnings' }).textContent(),
      /12 rows with a missing feature value were dropped/,
    );
    const confusion = report.getByRole('table', { name: /^Confusion matrix/ });
    assert.deepEqual(await confusion.locator('thead th[scope="col"]').allTextContents(), ['Actual', 'no', 'yes']);
  },
  LONG,
);
