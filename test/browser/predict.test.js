/**
 * Predict in the browser: a penguins forest trained and registered through
 * the UI, then scored in the Predict view — one typed-in row (its class,
 * probabilities and the inputs that moved it), a whole CSV in the predict
 * worker (the downloaded file's columns and rows), a CSV with a renamed
 * column refused naming it, and the latency table.
 */
import { readFile } from 'node:fs/promises';
import { LONG, test } from './harness.js';
import { assert, goTo, saveVersion, waitForDraft } from './helpers.js';
import { download, registerRun } from './registry-helpers.js';
import { chooseModel, setField, trainAndWait } from './train-helpers.js';

const MODEL = 'penguin-species';
const PENGUINS = await readFile(new URL('../../public/samples/penguins.csv', import.meta.url), 'utf8');

test(
  'a penguins forest is trained and registered, and the Predict view picks its version 1',
  async (s) => {
    const page = await s.open();
    await page.getByRole('button', { name: 'Load Palmer penguins' }).click();
    await waitForDraft(page, 'penguins.csv');
    await saveVersion(page);
    await goTo(page, 'Train');
    await chooseModel(page, 'Random forest');
    await setField(page, 'Trees', 5);
    await setField(page, 'Max depth', 3);
    await trainAndWait(page, 'forest #1');
    await goTo(page, 'Runs');
    await registerRun(page, 'forest #1', MODEL);

    await goTo(page, 'Predict');
    await page
      .getByTestId('predict-version')
      .filter({ hasText: `${MODEL}@1` })
      .waitFor();
    const refs = page.getByLabel('Version, stage or alias');
    assert.deepEqual(await refs.locator('option').allTextContents(), ['v1 (Development)', 'Development']);
    await refs.selectOption('Development');
    assert.equal(await page.getByTestId('predict-version').textContent(), `${MODEL}@1`);
  },
  LONG,
);

test('one typed-in row gets a class, a probability per class and the inputs that moved it', async (s) => {
  const page = s.page;
  const form = page.getByRole('form', { name: 'Row to score' });
  // A Gentoo from the sample: long flippers, heavy, from Biscoe.
  const island = form.getByLabel(/^island/);
  assert.deepEqual(await island.locator('option').allTextContents(), ['(missing)', 'Biscoe', 'Dream', 'Torgersen']);
  await island.selectOption('Biscoe');
  await form.getByLabel(/^bill_length_mm/).fill('47.5');
  await form.getByLabel(/^bill_depth_mm/).fill('15');
  await form.getByLabel(/^flipper_length_mm/).fill('218');
  await form.getByLabel(/^body_mass_g/).fill('4950');
  await form.getByLabel(/^sex/).selectOption('male');
  await form.getByRole('button', { name: 'Predict this row' }).click();

  await page.getByTestId('predicted-value').waitFor();
  assert.equal(await page.getByTestId('predicted-value').textContent(), 'Gentoo');
  const proba = page.getByRole('table', { name: 'Probability per class' });
  const classes = await proba.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-class')));
  assert.deepEqual(classes, ['Adelie', 'Chinstrap', 'Gentoo']);
  const ps = (await proba.locator('tbody td').allTextContents()).map(Number);
  assert.ok(Math.abs(ps.reduce((a, b) => a + b, 0) - 1) < 1e-5, `probabilities ${ps} sum to 1`);
  assert.ok(ps[2] > 0.5, `Gentoo is the likeliest (${ps})`);
  const moved = page.getByRole('table', { name: 'Inputs that moved this prediction most' });
  const features = await moved
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-feature')));
  assert.equal(features.length, 5);
  for (const f of features)
    assert.ok(['island', 'bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'body_mass_g', 'sex'].includes(f));
  await page
    .getByRole('table', { name: 'Latency per model version' })
    .locator(`tr[data-version-id="${MODEL}@1"]`)
    .waitFor();
});

test('a whole CSV is scored in the worker and downloaded with its predictions', async (s) => {
  const page = s.page;
  await page.getByLabel('CSV file to score').setInputFiles({
    name: 'penguins.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(PENGUINS),
  });
  const rows = PENGUINS.trim().split('\n').length - 1;
  await page
    .getByTestId('scored-summary')
    .filter({ hasText: `Scored ${rows} rows of penguins.csv` })
    .waitFor();
  const file = await download(page, page.getByRole('button', { name: 'Download predictions CSV' }));
  assert.equal(file.name, `penguins-predictions-${MODEL}-v1.csv`);
  const lines = new TextDecoder().decode(file.bytes).trim().split('\r\n');
  assert.equal(lines[0], 'row,actual,predicted,p_Adelie,p_Chinstrap,p_Gentoo');
  assert.equal(lines.length, rows + 1);
  const first = lines[1].split(',');
  assert.equal(first[0], '0');
  assert.equal(first[1], PENGUINS.split('\n')[1].split(',')[0]);
  assert.ok(['Adelie', 'Chinstrap', 'Gentoo'].includes(first[2]));
  // Most of the sample's own penguins are classified right by the trained forest.
  const right = lines.slice(1).filter((line) => {
    const [, actual, predicted] = line.split(',');
    return actual === predicted;
  }).length;
  assert.ok(right / rows > 0.8, `${right} of ${rows} right`);
  const latency = page
    .getByRole('table', { name: 'Latency per model version' })
    .locator(`tr[data-version-id="${MODEL}@1"]`);
  const cells = await latency.locator('td').allTextContents();
  assert.match(cells[0], /ms$/);
  assert.match(cells[3], /ms$/);
});

test('a CSV whose columns do not match the signature is refused, naming the columns', async (s) => {
  const page = s.page;
  const renamed = PENGUINS.replace('flipper_length_mm', 'flipper_mm');
  await page.getByLabel('CSV file to score').setInputFiles({
    name: 'renamed.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(renamed),
  });
  const alert = page.getByRole('alert').filter({ hasText: 'renamed.csv was not scored' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /lacks the column "flipper_length_mm" that this model version reads/);
  assert.equal(await page.getByTestId('scored-summary').count(), 0);
});

test(
  'an MLP version is scored on TF.js in the predict worker, and the latency table lists both versions',
  async (s) => {
    const page = s.page;
    await goTo(page, 'Train');
    await chooseModel(page, 'MLP');
    await setField(page, 'Epochs', 3);
    await trainAndWait(page, 'mlp #2');
    await goTo(page, 'Runs');
    await registerRun(page, 'mlp #2', MODEL);

    await goTo(page, 'Predict');
    await page.getByLabel('Version, stage or alias').selectOption('2');
    await page
      .getByTestId('predict-version')
      .filter({ hasText: `${MODEL}@2` })
      .waitFor();
    await page.getByRole('form', { name: 'Row to score' }).getByRole('button', { name: 'Predict this row' }).click();
    const proba = page.getByRole('table', { name: 'Probability per class' });
    await page.getByTestId('predicted-value').waitFor();
    const ps = (await proba.locator('tbody td').allTextContents()).map(Number);
    assert.equal(ps.length, 3);
    assert.ok(Math.abs(ps.reduce((a, b) => a + b, 0) - 1) < 1e-5, `probabilities ${ps} sum to 1`);
    assert.ok(['Adelie', 'Chinstrap', 'Gentoo'].includes(await page.getByTestId('predicted-value').textContent()));

    await page.getByLabel('CSV file to score').setInputFiles({
      name: 'penguins.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(PENGUINS),
    });
    await page
      .getByTestId('scored-summary')
      .filter({ hasText: `with ${MODEL}@2` })
      .waitFor();
    const versions = await page
      .getByRole('table', { name: 'Latency per model version' })
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-version-id')));
    assert.deepEqual(versions, [`${MODEL}@1`, `${MODEL}@2`]);
  },
  LONG,
);
