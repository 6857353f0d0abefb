/**
 * The Transform panel: a derived column with a typo shows the error at its
 * position; fixed, it previews; saved, it is a new version whose parent is
 * the version it came from, in the versions list and the lineage graph.
 */
import { test } from './harness.js';
import { assert, dropFile, goTo, listedVersions, saveVersion, shortIdIn, waitForDraft } from './helpers.js';

const CSV = 'name,age\nAnn,34\nBob,17\nCid,\nDee,52\n';
let parentId = '';
let childId = '';

test('a saved version can be transformed: a typo in a derived column is shown at its position', async (s) => {
  const page = await s.open();
  await dropFile(page, 'people.csv', CSV);
  await waitForDraft(page, 'people.csv');
  parentId = shortIdIn(await saveVersion(page));

  const panel = page.getByRole('region', { name: 'Transform' });
  await panel.getByLabel('Step kind').selectOption('derive');
  await panel.getByRole('button', { name: 'Add step' }).click();
  await panel.getByLabel('Step 1 column name').fill('months');
  await panel.getByLabel('Step 1 expression').fill('agee * 12');
  const error = panel.getByTestId('expression-error');
  await error.waitFor();
  assert.match(await error.textContent(), /at 1–4:\s+no column 'agee' — did you mean 'age'\?/);
  assert.equal(await error.getAttribute('data-start'), '0');
  assert.equal(await error.getAttribute('data-end'), '4');
  assert.equal(await error.locator('mark').textContent(), 'agee');
  assert.ok(await panel.getByRole('button', { name: 'Preview' }).isDisabled(), 'no preview while the step is wrong');
});

test('fixing the expression clears the error and the preview shows the derived values', async (s) => {
  const page = s.page;
  const panel = page.getByRole('region', { name: 'Transform' });
  await panel.getByLabel('Step 1 expression').fill('age * 12');
  await panel.getByTestId('expression-error').waitFor({ state: 'detached' });
  await panel.getByRole('button', { name: 'Preview' }).click();
  const table = panel.getByRole('table', { name: 'Transform preview' });
  await table.waitFor();
  assert.equal(await panel.getByTestId('transform-row-count').textContent(), '4 rows × 3 columns');
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
  assert.deepEqual(rows, [
    ['Ann', '34', '408'],
    ['Bob', '17', '204'],
    ['Cid', '', ''],
    ['Dee', '52', '624'],
  ]);
});

test('saving makes a new version whose parent is the original, in the versions list and the lineage', async (s) => {
  const page = s.page;
  const panel = page.getByRole('region', { name: 'Transform' });
  await panel.getByLabel('New version name').fill('people in months');
  await panel.getByRole('button', { name: 'Save transformed version' }).click();
  const status = panel.getByTestId('transform-status');
  await status.filter({ hasText: /[0-9a-f]{12}/ }).waitFor();
  assert.match(
    (await status.textContent()).replace(/\s+/g, ' '),
    /Saved new version “people in months” with id [0-9a-f]{12} from “people”/,
  );
  childId = shortIdIn(await status.textContent());

  await goTo(page, 'Versions');
  assert.deepEqual(await listedVersions(page), [
    { name: 'people in months', id: childId },
    { name: 'people', id: parentId },
  ]);
  const child = page.getByRole('table', { name: 'Dataset versions, newest first' }).locator('tbody tr').first();
  assert.match(await child.textContent(), new RegExp(`${parentId}\\s*people`));

  await goTo(page, 'Lineage');
  const step = page.locator('svg text.step');
  await step.waitFor();
  assert.equal(await step.locator('title').textContent(), 'derive months = age * 12');
  const edge = page.locator(`path.edge.derived[data-to^="dataset:${childId}"]`);
  assert.equal(await edge.count(), 1);
  assert.match((await edge.getAttribute('data-from')) ?? '', new RegExp(`^dataset:${parentId}`));
});

test('the same recipe on the same version is already saved, with the same id', async (s) => {
  const page = s.page;
  await goTo(page, 'Data');
  const panel = page.getByRole('region', { name: 'Transform' });
  await panel.getByLabel('Start from version').selectOption({ label: `people · ${parentId}` });
  await panel.getByLabel('Step 1 expression').fill('age * 12 ');
  await panel.getByRole('button', { name: 'Save transformed version' }).click();
  const status = panel.getByTestId('transform-status');
  await status.filter({ hasText: /already saved/ }).waitFor();
  assert.equal(shortIdIn(await status.textContent()), childId);
});
