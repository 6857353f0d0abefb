/**
 * A clear empty state in every view: in a fresh, empty workspace and in one
 * with data but nothing trained, every view of the navigation either shows
 * its content or an empty state that says what the view is for, why it is
 * empty, and offers the one action that fills it — and that action leads
 * where it says (another view) or does the step (loads a sample, saves it,
 * opens a lesson). Once a run is trained, the views that need a registered
 * model point to the Runs view, where it is registered. The tables below name every view of the navigation, so a
 * view added without an entry here fails the first test.
 */
import { LONG, test } from './harness.js';
import { assert, goTo, waitForDraft } from './helpers.js';
import { chooseModel, trainAndWait, trainForm } from './train-helpers.js';

/** A view's label in the navigation, by the id in its URL hash. */
const LABELS = {
  data: 'Data',
  versions: 'Versions',
  features: 'Features',
  train: 'Train',
  runs: 'Runs',
  registry: 'Registry',
  predict: 'Predict',
  deploy: 'Deploy',
  lineage: 'Lineage',
  monitor: 'Monitor',
  audit: 'Audit log',
  maturity: 'Maturity',
  storage: 'Storage',
  lessons: 'Lessons',
};

/**
 * Views whose areas belong to others this round and still lack an action
 * (the report names what is missing): their empty text is checked, and the
 * test fails once they gain an empty state, so the entry is then tightened.
 */

/**
 * The empty workspace: each view's reason (why it is empty) and its action,
 * which either goes to a view (`to`) or does a step checked by `done`.
 */
const EMPTY = {
  Data: { reason: /this workspace is empty/, action: 'Load the Iris sample', done: 'draft' },
  Versions: { reason: /^No versions saved yet\. Load a CSV file or a sample/, action: 'Go to Data', to: 'data' },
  Features: { reason: /^No dataset version is saved yet/, action: 'Save the Grunfeld investment sample' },
  Train: { reason: /None is saved yet\.$/, action: 'Use the Palmer penguins sample', done: 'train-form' },
  Runs: { reason: /nothing has been trained/, action: 'Go to Train', to: 'train' },
  Registry: { reason: /^No models yet, and no run to register/, action: 'Go to Train', to: 'train' },
  Predict: { reason: /^No models yet, and no run to register/, action: 'Go to Train', to: 'train' },
  Deploy: { reason: /^No models yet, and no run to register/, action: 'Go to Train', to: 'train' },
  Lineage: { reason: /no dataset version is saved/, action: 'Go to Data', to: 'data' },
  Monitor: { reason: /^No model is registered yet/, action: 'Go to Registry', to: 'registry' },
  'Audit log': { reason: /^No events yet/, action: 'Go to Data', to: 'data' },
  Maturity: { reason: /this workspace holds nothing/, action: 'Go to Data', to: 'data' },
  Storage: { reason: /^This workspace is empty/, action: 'Go to Data', to: 'data' },
  Lessons: { reason: /No lesson is started yet/, action: 'Start with “The lifecycle, end to end”', done: 'lesson' },
};

/**
 * A saved dataset version, nothing trained, registered or deployed, after a
 * reload (no draft open): the views that fill from the data show content
 * (`filled`), the others an empty state that points to the next step.
 */
const DATA_ONLY = {
  Data: { reason: /^No draft is open/, action: 'Open a saved version', to: 'versions' },
  Versions: { filled: (page) => page.getByRole('table', { name: 'Dataset versions, newest first' }) },
  Features: { reason: /^No feature view is defined yet/, action: 'Define a feature view' },
  Train: { filled: (page) => trainForm(page) },
  Runs: { reason: /the saved data has not been trained on/, action: 'Go to Train', to: 'train' },
  Registry: { reason: /^No models yet, and no run to register/, action: 'Go to Train', to: 'train' },
  Predict: { reason: /^No models yet, and no run to register/, action: 'Go to Train', to: 'train' },
  Deploy: { reason: /^No models yet, and no run to register/, action: 'Go to Train', to: 'train' },
  Lineage: { filled: (page) => page.getByRole('button', { name: /penguins/ }).first() },
  Monitor: { reason: /^No model is registered yet/, action: 'Go to Registry', to: 'registry' },
  'Audit log': { filled: (page) => page.getByRole('table', { name: 'Audit events, newest first' }) },
  Maturity: { filled: (page) => page.getByTestId('maturity-level') },
  Storage: { filled: (page) => page.getByTestId('storage-usage') },
  Lessons: { filled: (page) => page.locator('li[data-lesson]').first() },
};

/** Reloads the app at `hash` (a bare hash change would not reload it): a draft does not survive this. */
async function reopen(s, hash) {
  await s.page.goto('about:blank');
  return s.open(hash);
}

async function navLabels(page) {
  const nav = await page.getByRole('navigation', { name: 'Workbench' }).getByRole('button').allTextContents();
  return nav.map((t) => t.trim());
}

/** The view on show, from the URL hash. */
function shownView(page) {
  return new URL(page.url()).hash.replace(/^#/, '');
}

/**
 * Checks the empty state of the view on show and returns its action button.
 * The purpose sentence is there, the reason matches, and the one action is named.
 */
async function checkEmptyState(page, label, expected) {
  const box = page.locator('main [data-testid="empty-state"]');
  await box.waitFor();
  assert.equal(await box.count(), 1, `${label}: one empty state`);
  const purpose = (await box.locator('.purpose').textContent()).trim();
  assert.ok(purpose.length > 30 && purpose.endsWith('.'), `${label}: says what the view is for ("${purpose}")`);
  const reason = (await box.getByTestId('empty-reason').textContent()).trim();
  assert.match(reason, expected.reason, `${label}: says why it is empty`);
  const action = box.getByTestId('empty-action');
  assert.equal((await action.textContent()).trim(), expected.action, `${label}: the action that fills it`);
  assert.equal(await action.isEnabled(), true, `${label}: the action can be taken`);
  return action;
}

/** Checks one view against its entry; a navigating action is followed there and back. */
async function checkView(page, label, expected) {
  await goTo(page, label);
  if (expected.filled) {
    await expected.filled(page).waitFor();
    assert.equal(await page.locator('main [data-testid="empty-state"]').count(), 0, `${label}: not empty`);
    return;
  }
  const action = await checkEmptyState(page, label, expected);
  if (expected.to) {
    await action.click();
    assert.equal(shownView(page), expected.to, `${label}: "${expected.action}" leads to ${expected.to}`);
    const current = page.getByRole('navigation', { name: 'Workbench' }).locator('[aria-current="page"]');
    assert.equal((await current.textContent()).trim(), LABELS[expected.to]);
  }
}

test('every view of an empty workspace says what it is for, why it is empty, and what fills it', async (s) => {
  const page = await s.open();
  // Every view in the navigation has an entry: a new view must get one (and an empty state).
  assert.deepEqual(await navLabels(page), Object.keys(EMPTY));
  assert.deepEqual(Object.keys(DATA_ONLY), Object.keys(EMPTY));
  assert.deepEqual(Object.values(LABELS), Object.keys(EMPTY));
  for (const [label, expected] of Object.entries(EMPTY)) await checkView(page, label, expected);

  // The actions that do a step: the lesson opens, the sample loads into a draft.
  await goTo(page, 'Lessons');
  await (await checkEmptyState(page, 'Lessons', EMPTY.Lessons)).click();
  await page.getByRole('heading', { name: 'The lifecycle, end to end', level: 2 }).waitFor();
  await page.getByRole('button', { name: 'All lessons' }).click();

  await goTo(page, 'Data');
  await (await checkEmptyState(page, 'Data', EMPTY.Data)).click();
  assert.deepEqual(await waitForDraft(page, 'iris.csv'), { rows: '150', columns: '5' });
  assert.equal(await page.locator('main [data-testid="empty-state"]').count(), 0);

  assert.deepEqual(s.takePageErrors(), []);
});

test(
  'with data saved but nothing trained, each view shows its data or points to the next step',
  async (s) => {
    // The Train view's one action saves the penguins sample as a version; the form to train it follows.
    const page = await reopen(s, '#train');
    await (await checkEmptyState(page, 'Train', EMPTY.Train)).click();
    await trainForm(page).waitFor();
    await goTo(page, 'Versions');
    const rows = page.getByRole('table', { name: 'Dataset versions, newest first' }).locator('tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 1);
    assert.match(await rows.first().textContent(), /penguins/);

    // A reload closes the draft: what the Data view says then, and every other view.
    await reopen(s, '#data');
    for (const [label, expected] of Object.entries(DATA_ONLY)) await checkView(page, label, expected);

    // Features points at its form: the action puts the cursor in the view's first field.
    await goTo(page, 'Features');
    await (await checkEmptyState(page, 'Features', DATA_ONLY.Features)).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'feature-view-name');

    // "Open a saved version" (Data → Versions) opens the version back into the Data view.
    await goTo(page, 'Versions');
    await page.getByRole('button', { name: /^Open penguins/ }).click();
    await waitForDraft(page, 'penguins');
    assert.equal(shownView(page), 'data');
    assert.deepEqual(s.takePageErrors(), []);
  },
  LONG,
);

test(
  'with a run trained but nothing registered, the views that need a model point to the Runs view',
  async (s) => {
    const page = s.page;
    await goTo(page, 'Train');
    await chooseModel(page, 'Logistic regression');
    await trainAndWait(page, 'logistic #1');
    const registerFirst = { reason: /^No models yet\. Register a/, action: 'Go to Runs', to: 'runs' };
    for (const label of ['Registry', 'Predict', 'Deploy']) await checkView(page, label, registerFirst);
    await checkView(page, 'Runs', { filled: (p) => p.getByRole('table', { name: 'Training runs' }) });
    await checkView(page, 'Monitor', EMPTY.Monitor);
    assert.deepEqual(s.takePageErrors(), []);
  },
  LONG,
);
