/**
 * Lessons in the browser: the lifecycle lesson walked by clicking its "Go
 * to" buttons and doing each step (its checks tick as records appear); the
 * metrics lesson shows the learner's own numbers, computed here from the
 * run stored in IndexedDB; a teacher's lock holds in the Train view; and
 * progress, the lesson on show and the lock survive a reload. Also the
 * first-run tour (offered once, works offline-bundled) and the theme toggle.
 */
import { LONG, test } from './harness.js';
import { assert, goTo, saveVersion, waitForDraft } from './helpers.js';
import { move, registerRun } from './registry-helpers.js';
import { chooseModel, trainAndWait, trainForm } from './train-helpers.js';

const LIFECYCLE = 'lifecycle';
const METRICS = 'metrics';

/** Opens the Lessons area on the lesson with id `lesson` through its Start / Continue / Review button. */
async function openLesson(page, lesson) {
  await goTo(page, 'Lessons');
  const back = page.getByRole('button', { name: 'All lessons' });
  if (await back.isVisible()) await back.click();
  await page
    .locator(`li[data-lesson="${lesson}"]`)
    .getByRole('button', { name: /^(Start|Continue|Review)\b/ })
    .click();
}

/** Waits until step `id` of the lesson on show is ticked. */
async function stepDone(page, id) {
  await page.locator(`li[data-step="${id}"][data-done="true"]`).waitFor();
}

/** Clicks the "Go to …" button of step `id`. */
async function goToStep(page, id) {
  await page
    .locator(`li[data-step="${id}"]`)
    .getByRole('button', { name: /^Go to / })
    .click();
}

test('the first-run tour is offered once and the theme choice is kept', async (s) => {
  const page = await s.open();
  await page.getByRole('complementary', { name: 'New to the workbench?' }).waitFor();
  await page.getByRole('button', { name: 'Take the tour' }).click();
  const popover = page.locator('.driver-popover');
  await popover.getByText('The areas of the workbench').waitFor();
  await popover.getByRole('button', { name: /Next/ }).click();
  await popover.getByText('Start with data').waitFor();
  await page.keyboard.press('Escape');
  await popover.waitFor({ state: 'detached' });

  await page.getByRole('button', { name: 'Dark theme' }).click();
  await s.open();
  assert.equal(await page.getByRole('complementary', { name: 'New to the workbench?' }).count(), 0);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed'), 'true');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
});

test(
  'the lifecycle lesson is walked by clicking, each step ticking when done',
  async (s) => {
    const page = await s.open();
    await openLesson(page, LIFECYCLE);
    const progress = page.getByTestId('lesson-progress');
    assert.equal((await progress.textContent()).trim(), '0 of 7 steps done.');

    await goToStep(page, 'version');
    await page.getByRole('button', { name: 'Load Iris' }).click();
    await waitForDraft(page, 'iris.csv');
    await saveVersion(page);
    await openLesson(page, LIFECYCLE);
    await stepDone(page, 'version');

    await goToStep(page, 'train');
    await chooseModel(page, 'Logistic regression');
    await trainAndWait(page, 'logistic #1');
    await openLesson(page, LIFECYCLE);
    await stepDone(page, 'train');

    await goToStep(page, 'register');
    await registerRun(page, 'logistic #1', 'iris');
    await openLesson(page, LIFECYCLE);
    await stepDone(page, 'register');

    await goToStep(page, 'promote');
    assert.equal((await move(page, 'iris', 1, 'Production', { reason: 'lesson' })).blocked, false);
    await openLesson(page, LIFECYCLE);
    await stepDone(page, 'promote');

    await goToStep(page, 'traffic');
    await page.getByTestId('monitor-serving').filter({ hasText: 'iris@1' }).waitFor();
    const lab = page.getByRole('form', { name: 'Drift lab' });
    await lab.getByLabel('Shift column').fill('petal_length');
    await lab.getByLabel('by', { exact: true }).fill('3');
    await lab.getByLabel('Save drifted rows as version').fill('iris-drifted');
    await lab.getByRole('button', { name: 'Replay' }).click();
    const status = page.getByTestId('monitor-status');
    await status.filter({ hasText: /^Replayed 150 requests/ }).waitFor({ timeout: 120_000 });
    await openLesson(page, LIFECYCLE);
    await stepDone(page, 'traffic');

    await goToStep(page, 'alert');
    await page.getByLabel('Window (requests)').fill('50');
    await page.getByRole('button', { name: 'Check windows' }).click();
    await status.filter({ hasText: /new alerts?\.$/ }).waitFor();
    await openLesson(page, LIFECYCLE);
    await stepDone(page, 'alert');

    await goToStep(page, 'retrain');
    await page.getByRole('button', { name: 'Retrain now' }).click();
    await status.filter({ hasText: /^Retraining iris#1: / }).waitFor({ timeout: 120_000 });
    await openLesson(page, LIFECYCLE);
    await stepDone(page, 'retrain');
    assert.equal((await progress.textContent()).trim(), '7 of 7 steps done: lesson complete.');
  },
  LONG,
);

/** The newest completed classification run in the workspace's IndexedDB, as the page stores it. */
function newestRun(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('mlops-workbench');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('runs').objectStore('runs').getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const runs = request.result
              .filter((r) => r.status === 'completed' && r.outcome?.metrics.task === 'classification')
              .sort((a, b) => b.finishedAt.localeCompare(a.finishedAt));
            open.result.close();
            resolve({ id: runs[0].id, confusion: runs[0].outcome.metrics.confusion });
          };
        };
      }),
  );
}

test('the metrics lesson fills each formula with the numbers of the latest run', async (s) => {
  const page = s.page;
  await openLesson(page, METRICS);
  await stepDone(page, 'train');
  const { id, confusion } = await newestRun(page);
  const formulas = page.getByTestId('metric-formulas');
  await formulas.locator(`[data-run-id="${id}"]`).waitFor();

  // Iris has three classes: the lesson scores the first against the rest.
  const m = confusion.matrix;
  const tp = m[0][0];
  const fp = m.reduce((sum, row) => sum + row[0], 0) - tp;
  const fn = m[0].reduce((a, b) => a + b, 0) - tp;
  const counts = formulas.getByTestId('class-counts');
  assert.deepEqual(
    [await counts.getAttribute('data-tp'), await counts.getAttribute('data-fp'), await counts.getAttribute('data-fn')],
    [String(tp), String(fp), String(fn)],
  );
  // KaTeX keeps the TeX it rendered in the MathML annotation: the filled precision formula.
  const precision = formulas.locator('[data-formula="precision"]');
  const tex = await precision.locator('[data-testid="filled"] annotation').textContent();
  const expected = tp + fp === 0 ? 0 : tp / (tp + fp);
  assert.ok(tex.includes(`\\frac{${tp}}{${tp} + ${fp}} = ${expected.toFixed(3)}`), tex);
  assert.equal(Number(await precision.getAttribute('data-value')), expected);
  // Rendered by KaTeX as real markup, with its fonts from the build, not the network.
  assert.ok((await precision.locator('.katex-html').count()) > 0);
  const correct = m.reduce((sum, row, i) => sum + row[i], 0);
  const total = m.flat().reduce((a, b) => a + b, 0);
  const accuracyTex = await formulas
    .locator('[data-formula="accuracy"] [data-testid="filled"] annotation')
    .textContent();
  assert.ok(accuracyTex.includes(`\\frac{${correct}}{${total}} = ${(correct / total).toFixed(3)}`), accuracyTex);
});

test('a teacher lock holds in the Train view, and progress survives a reload', async (s) => {
  const page = s.page;
  await page.locator('details.teacher summary').click();
  const form = page.getByRole('form', { name: /^Teacher settings for Metrics/ });
  await form.getByLabel('Model hyperparameters (Train)').check();
  await form.getByLabel('Lock the model to').selectOption('logistic');
  await form.getByRole('button', { name: 'Save teacher settings' }).click();
  await form.getByText('Teacher settings saved for this lesson.').waitFor();

  await goTo(page, 'Train');
  const model = trainForm(page).getByRole('combobox', { name: 'Model', exact: true });
  assert.equal(await model.isDisabled(), true);
  assert.equal(await model.inputValue(), 'logistic');
  await page.getByTestId('model-locked').waitFor();
  // Hyperparameters hidden: the Model fieldset keeps only its select.
  assert.equal(await trainForm(page).getByRole('group', { name: 'Model' }).locator('input').count(), 0);

  await goTo(page, 'Lessons');
  await page.reload();
  await page.locator('article[data-lesson="metrics"]').waitFor();
  await stepDone(page, 'version');
  await stepDone(page, 'train');
  await page.getByRole('button', { name: 'All lessons' }).click();
  const lifecycle = page.locator('li[data-lesson="lifecycle"]');
  assert.equal((await lifecycle.getByTestId('lesson-count').textContent()).trim(), '7 of 7 steps done');
  await goTo(page, 'Train');
  // No lesson on show now: the lock is the metrics lesson's only.
  assert.equal(await trainForm(page).getByRole('combobox', { name: 'Model', exact: true }).isDisabled(), false);
  await openLesson(page, METRICS);
  await goTo(page, 'Train');
  assert.equal(await trainForm(page).getByRole('combobox', { name: 'Model', exact: true }).isDisabled(), true);
});
