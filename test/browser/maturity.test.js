/**
 * The Maturity view as one story: the level, computed from what the
 * workspace holds, rises as the workspace grows — empty (0), iris saved and
 * trained once (still 0: no spec ran twice), trained twice and registered
 * (1), gated and promoted (still 1, deploy missing), deployed (2) — and
 * each missing item links to the view where it is done.
 */
import { LONG, test } from './harness.js';
import { assert, goTo, saveVersion, waitForDraft } from './helpers.js';
import { deploy, openDeploy } from './deploy-helpers.js';
import { move, registerRun } from './registry-helpers.js';
import { chooseModel, trainAndWait } from './train-helpers.js';

const MODEL = 'iris-maturity';

/** Opens the Maturity view and returns the level shown, once it is assessed. */
async function level(page) {
  await goTo(page, 'Maturity');
  const shown = page.getByTestId('maturity-level');
  await shown.waitFor();
  return Number(await shown.getAttribute('data-level'));
}

/** Ids of the criteria listed as missing for the next level. */
async function missing(page) {
  return page
    .getByTestId('maturity-next')
    .locator('li')
    .evaluateAll((lis) => lis.map((li) => li.dataset.criterion));
}

async function evidence(page, id) {
  const row = page.locator(`tr[data-criterion="${id}"]`);
  return {
    met: (await row.getAttribute('data-met')) === 'true',
    text: (await row.locator('td').nth(3).textContent()).trim(),
  };
}

test('an empty workspace is level 0, and each missing item links to the view where it is done', async (s) => {
  const page = await s.open();
  assert.equal(await level(page), 0);
  assert.deepEqual(await missing(page), ['versioned-data', 'repeated-pipeline', 'registered-versions']);
  assert.deepEqual(await evidence(page, 'versioned-data'), { met: false, text: '0 dataset versions' });
  await page.locator('li[data-criterion="versioned-data"]').getByRole('button', { name: 'Go to Data' }).click();
  await page.getByRole('button', { name: 'Load Iris' }).waitFor();
  assert.match(page.url(), /#data$/);
});

test(
  'the level rises as the workspace grows: saved and trained twice, registered, gated, promoted, deployed',
  async (s) => {
    const page = s.page;
    await page.getByRole('button', { name: 'Load Iris' }).click();
    await waitForDraft(page, 'iris.csv');
    await saveVersion(page);
    await goTo(page, 'Train');
    await chooseModel(page, 'Logistic regression');
    await trainAndWait(page, 'logistic #1');
    assert.equal(await level(page), 0);
    assert.deepEqual(await missing(page), ['repeated-pipeline', 'registered-versions']);
    assert.deepEqual(await evidence(page, 'versioned-data'), { met: true, text: '1 dataset version' });

    await goTo(page, 'Train');
    await trainAndWait(page, 'logistic #2');
    await goTo(page, 'Runs');
    await registerRun(page, 'logistic #1', MODEL);
    await registerRun(page, 'logistic #2', MODEL);
    assert.equal(await level(page), 1);
    assert.match((await evidence(page, 'repeated-pipeline')).text, /^spec [0-9a-f]{8} run 2 times$/);
    assert.deepEqual(await missing(page), ['promotion-gates', 'promoted-version', 'deployed-version']);

    await goTo(page, 'Registry');
    const gates = page.getByRole('form', { name: 'Promotion gates' });
    await gates.getByRole('button', { name: 'Add metric gate' }).click();
    await gates.getByLabel('Metric of gate 1').fill('accuracy');
    await gates.getByLabel('Minimum of gate 1').fill('0.8');
    await gates.getByRole('button', { name: 'Save gates' }).click();
    await page.locator('p[role="status"]', { hasText: 'Saved the promotion gates' }).waitFor();
    const moved = await move(page, MODEL, 1, 'Staging', { reason: 'maturity test' });
    assert.equal(moved.blocked, false, moved.text);
    assert.equal(await level(page), 1);
    assert.deepEqual(await missing(page), ['deployed-version']);
    assert.deepEqual(await evidence(page, 'promotion-gates'), { met: true, text: 'registry with gates (1 model)' });

    await page.locator('li[data-criterion="deployed-version"]').getByRole('button', { name: 'Go to Deploy' }).click();
    await openDeploy(page, 'Deployments');
    const status = await deploy(page, 'staging', 1, 'iris');
    assert.match(status, /now serves staging/);
    assert.equal(await level(page), 2);
    assert.deepEqual(await missing(page), ['drift-alerts', 'prediction-log', 'retraining-trigger']);
    const audit = await evidence(page, 'verified-audit');
    assert.equal(audit.met, true);
    assert.match(audit.text, /^audit chain verified \(\d+ events\)$/);
    assert.deepEqual(s.takePageErrors(), []);
  },
  LONG,
);
