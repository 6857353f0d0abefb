/**
 * The Maturity view as one story, walked by clicking: the level, computed
 * from what the workspace holds, rises as the workspace grows and never
 * falls — empty (0), iris saved and trained once (still 0: no spec ran
 * twice), trained twice and registered (1), gated and promoted (still 1,
 * deploy missing), deployed (2), promoted to Production with a monitoring
 * policy whose drift rule raises alerts (still 2), traffic replayed into the
 * prediction log (still 2), a retraining trigger (3), and the audit chain
 * verified in the Audit log (3, every criterion met) — and each missing item
 * links to the view where it is done. Logistic regression on Iris (150 rows)
 * is the app's fastest model on its smallest sample.
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

/** Every level read in the story, in order: it must never fall. */
const seen = [];

/** Reads the level like `level`, records it, and checks it is not below any level read before. */
async function rising(page) {
  const now = await level(page);
  assert.ok(
    seen.every((before) => now >= before),
    `the level fell: ${[...seen, now].join(' → ')}`,
  );
  seen.push(now);
  return now;
}

/** The monitoring policy form of the model on show in the Monitor view, opened. */
async function policyForm(page) {
  await goTo(page, 'Monitor');
  const form = page.getByRole('form', { name: 'Monitoring policy' });
  if (!(await form.isVisible())) await page.getByText('Alert rules and retraining policy').click();
  await form.waitFor();
  return form;
}

/** Saves the policy form and waits for the Monitor view to say so. */
async function savePolicy(page, form) {
  await form.getByRole('button', { name: 'Save policy' }).click();
  await page.getByTestId('monitor-status').filter({ hasText: 'Monitoring policy saved.' }).waitFor();
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
  assert.equal(await rising(page), 0);
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
    assert.equal(await rising(page), 0);
    assert.deepEqual(await missing(page), ['repeated-pipeline', 'registered-versions']);
    assert.deepEqual(await evidence(page, 'versioned-data'), { met: true, text: '1 dataset version' });

    await goTo(page, 'Train');
    await trainAndWait(page, 'logistic #2');
    await goTo(page, 'Runs');
    await registerRun(page, 'logistic #1', MODEL);
    await registerRun(page, 'logistic #2', MODEL);
    assert.equal(await rising(page), 1);
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
    assert.equal(await rising(page), 1);
    assert.deepEqual(await missing(page), ['deployed-version']);
    assert.deepEqual(await evidence(page, 'promotion-gates'), { met: true, text: 'registry with gates (1 model)' });

    await page.locator('li[data-criterion="deployed-version"]').getByRole('button', { name: 'Go to Deploy' }).click();
    await openDeploy(page, 'Deployments');
    const status = await deploy(page, 'staging', 1, 'iris');
    assert.match(status, /now serves staging/);
    assert.equal(await rising(page), 2);
    assert.deepEqual(await missing(page), ['drift-alerts', 'prediction-log', 'retraining-trigger']);
    const audit = await evidence(page, 'verified-audit');
    assert.equal(audit.met, true);
    assert.match(audit.text, /^audit chain verified \(\d+ events\)$/);
    assert.deepEqual(s.takePageErrors(), []);
  },
  LONG,
);

test(
  'the level reaches 3: a monitoring policy with a drift rule, logged traffic, a retraining trigger, a verified audit trail',
  async (s) => {
    const page = s.page;
    // Monitoring watches what serves production.
    await goTo(page, 'Registry');
    const moved = await move(page, MODEL, 1, 'Production', { reason: 'serve it' });
    assert.equal(moved.blocked, false, moved.text);
    assert.equal(await rising(page), 2);

    // The monitoring criteria link to the Monitor view.
    await page.locator('li[data-criterion="drift-alerts"]').getByRole('button', { name: 'Go to Monitor' }).click();
    await page
      .getByTestId('monitor-serving')
      .filter({ hasText: `${MODEL}@1` })
      .waitFor();
    // A drift rule, and no retraining trigger yet: alerts are raised, nobody retrains.
    let form = await policyForm(page);
    assert.equal(await form.getByLabel('Drift share ≥').inputValue(), '0.5');
    await form.getByLabel('Retrain on a new alert').uncheck();
    await savePolicy(page, form);
    assert.equal(await rising(page), 2);
    assert.deepEqual(await missing(page), ['prediction-log', 'retraining-trigger']);
    assert.match(
      (await evidence(page, 'drift-alerts')).text,
      /^monitoring config \+ 1 drift alert rule, 0 alerts raised$/,
    );

    // Traffic replayed through the served version fills the prediction log.
    await goTo(page, 'Monitor');
    const lab = page.getByRole('form', { name: 'Drift lab' });
    await lab.getByRole('button', { name: 'Replay' }).click();
    await page.getByTestId('monitor-status').filter({ hasText: 'Replayed 150 requests.' }).waitFor();
    assert.equal(await rising(page), 2);
    assert.deepEqual(await missing(page), ['retraining-trigger']);
    assert.deepEqual(await evidence(page, 'prediction-log'), { met: true, text: '1 prediction-log batch' });

    // A retraining trigger closes the loop: level 3.
    form = await policyForm(page);
    await form.getByLabel('Retrain on a new alert').check();
    await savePolicy(page, form);
    assert.equal(await rising(page), 3);
    assert.equal(await page.getByTestId('maturity-next').count(), 0);
    await page.getByText('Every criterion of every level is met.').waitFor();
    assert.deepEqual(await evidence(page, 'retraining-trigger'), {
      met: true,
      text: 'retraining policy (0 retrainings so far)',
    });

    // The audit trail the level rests on verifies in the Audit log too, and the level holds.
    await goTo(page, 'Audit log');
    await page.getByRole('button', { name: 'Verify chain' }).click();
    const chain = page.getByTestId('chain-status');
    await chain.filter({ hasText: 'Chain intact' }).waitFor();
    assert.equal(await chain.getAttribute('data-ok'), 'true');
    const events = Number(/all (\d+) events verified/.exec(await chain.textContent())[1]);
    assert.equal(await rising(page), 3);
    assert.deepEqual(await evidence(page, 'verified-audit'), {
      met: true,
      text: `audit chain verified (${events} events)`,
    });
    assert.deepEqual(seen, [0, 0, 1, 1, 2, 2, 2, 2, 3, 3]);
    assert.deepEqual(s.takePageErrors(), []);
  },
  LONG,
);
