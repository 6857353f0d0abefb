/**
 * The Deploy area in the browser, as one story: three penguins models are
 * trained and registered (v1 a small tree, v2 a stump — deliberately
 * worse —, v3 logistic regression, the best); v1 is deployed to production
 * after its checks; a canary of v2 breaches its guardrail and rolls back;
 * a shadow of v3 shows agreement and McNemar; an A/B test of v3 runs to its
 * planned size and decides; production is rolled back by hand; after a
 * reload every deployment and the prediction log are still there. The
 * traffic is the penguins file five times over, replayed in a worker.
 */
import { readFile } from 'node:fs/promises';
import { LONG, test } from './harness.js';
import { assert, dropFile, goTo, saveVersion, waitForDraft } from './helpers.js';
import { activeVersion, deploy, envCard, openDeploy, rollBack, runRollout } from './deploy-helpers.js';
import { registerRun } from './registry-helpers.js';
import { chooseModel, setField, trainAndWait } from './train-helpers.js';

const MODEL = 'penguins-deploy';
const at = (n) => `${MODEL}@${n}`;

test(
  'three penguins models are registered and a five-fold penguins file is saved as the traffic',
  async (s) => {
    const page = await s.open();
    await page.getByRole('button', { name: 'Load Palmer penguins' }).click();
    await waitForDraft(page, 'penguins.csv');
    await saveVersion(page);
    await goTo(page, 'Train');
    await chooseModel(page, 'Random forest');
    await setField(page, 'Trees', 1);
    await setField(page, 'Max depth', 2);
    await trainAndWait(page, 'forest #1');
    await setField(page, 'Max depth', 1);
    await trainAndWait(page, 'forest #2');
    await chooseModel(page, 'Logistic regression');
    await trainAndWait(page, 'logistic #3');
    await goTo(page, 'Runs');
    for (const run of ['forest #1', 'forest #2', 'logistic #3']) await registerRun(page, run, MODEL);

    const [header, ...rows] = (await readFile(new URL('../../public/samples/penguins.csv', import.meta.url), 'utf8'))
      .trim()
      .split('\n');
    await goTo(page, 'Data');
    await dropFile(page, 'traffic.csv', [header, ...Array.from({ length: 5 }, () => rows).flat()].join('\n'));
    await waitForDraft(page, 'traffic.csv');
    await saveVersion(page, { name: 'traffic' });
  },
  LONG,
);

test('every Deploy view says the traffic is simulated; v1 is deployed to production after its checks', async (s) => {
  const page = s.page;
  for (const section of ['Rollout', 'Prediction log', 'Deployments']) {
    await openDeploy(page, section);
    assert.match(await page.locator('.notice').textContent(), /Traffic here is simulated: requests are real rows/);
  }
  assert.equal(await activeVersion(page, 'Production'), null);
  const status = await deploy(page, 'production', 1, 'traffic');
  assert.equal(status, `Version 1 of "${MODEL}" now serves production (${MODEL}/production#1).`);
  assert.equal(await activeVersion(page, 'Production'), 1);
  await page.getByText('Checks the last deploy passed').click();
  const checks = await page.locator('ul.checks li').allTextContents();
  assert.deepEqual(
    checks.map((c) => c.split(':')[0].trim()),
    ['artifact passed', 'signature passed', 'gates passed', 'smoke passed'],
  );
  // The first deployment has nothing to roll back to: refused, named, nothing changes.
  const refused = await rollBack(page, 'production');
  assert.match(refused, /is the first deployment of "penguins-deploy" in production: there is no earlier deployment/);
  assert.equal(await activeVersion(page, 'Production'), 1);
});

test(
  'a canary of the worse v2 breaches its accuracy guardrail and rolls back; production keeps v1',
  async (s) => {
    const page = s.page;
    await openDeploy(page, 'Rollout');
    const result = await runRollout(page, {
      stable: at(1),
      candidate: at(2),
      traffic: 'traffic',
      strategy: 'canary',
      fields: { 'Labelled requests per check': 60, 'Label delay': 10 },
    });
    assert.match(await result.getByRole('heading').textContent(), /Rolled back: the stable keeps serving/);
    assert.match(await result.textContent(), /simulated traffic, real rows/);
    const steps = await result.getByRole('table', { name: 'Canary steps' }).locator('tbody tr').allTextContents();
    assert.ok(steps.length >= 1);
    assert.match(steps.at(-1), /breached \(accuracy\)/);
    await openDeploy(page, 'Deployments');
    assert.equal(await activeVersion(page, 'Production'), 1);
  },
  LONG,
);

test(
  'a shadow of the better v3 (a dry run) reports agreement and McNemar naming its method, changing nothing',
  async (s) => {
    const page = s.page;
    await openDeploy(page, 'Rollout');
    const result = await runRollout(page, {
      stable: at(1),
      candidate: at(3),
      traffic: 'traffic',
      strategy: 'shadow',
      apply: false,
    });
    assert.match(await result.getByRole('heading').textContent(), /Promoted: the candidate wins/);
    assert.match(await result.textContent(), /Dry run: no stage or deployment changed/);
    assert.match(await result.textContent(), /The candidate shadowed 1720 requests \(its answers never served\)/);
    assert.match(
      await result.getByLabel('McNemar').textContent(),
      /McNemar, (exact binomial test|chi-squared with continuity correction)/,
    );
    await openDeploy(page, 'Deployments');
    assert.equal(await activeVersion(page, 'Production'), 1);
    await openDeploy(page, 'Rollout');
  },
  LONG,
);

test(
  'an A/B test of v3 shows its power analysis first, runs to the planned size, and decides',
  async (s) => {
    const page = s.page;
    const form = page.getByRole('form', { name: 'Rollout' });
    await form.getByLabel('Strategy', { exact: true }).selectOption('ab');
    await form.getByLabel('A/B effect').fill('0.05');
    await form.getByLabel('Stable version').selectOption(at(1));
    const power = await page.getByLabel('Power analysis').textContent();
    const planned = Number(/needs (\d+) labelled requests/.exec(power)?.[1]);
    assert.ok(planned > 0 && planned < 1720, power);
    const result = await runRollout(page, { stable: at(1), candidate: at(3), traffic: 'traffic', strategy: 'ab' });
    assert.match(await result.textContent(), new RegExp(`Planned size ${planned} labelled requests`));
    assert.match(await result.getByLabel('z-test').textContent(), /95% CI \[/);
    assert.equal(await result.getByRole('note').count(), 0, 'no early-look warning at the planned size');
    assert.match(await result.getByRole('heading').textContent(), /Promoted: the candidate wins/);
    assert.match(await result.textContent(), /Deployed to production, replacing penguins-deploy\/production#1/);
    await openDeploy(page, 'Deployments');
    assert.equal(await activeVersion(page, 'Production'), 3);
  },
  LONG,
);

test('production is rolled back by hand to v1, recorded in the history and the audit log', async (s) => {
  const page = s.page;
  const status = await rollBack(page, 'production', 'checking by hand');
  assert.match(status, /Rolled production back: version 1 serves again/);
  assert.equal(await activeVersion(page, 'Production'), 1);
  await goTo(page, 'Audit log');
  const events = page.getByRole('table', { name: 'Audit events, newest first' }).locator('tbody tr');
  await events.first().waitFor();
  const newest = await events.first().textContent();
  assert.match(newest, /deployment\.rolled_back/);
  assert.match(newest, /penguins-deploy\/production#2/);
  const types = await events.locator('td:nth-child(4)').allTextContents();
  assert.equal(types.filter((t) => t === 'deployment.simulated').length, 3);
  assert.equal(types.filter((t) => t === 'deployment.deployed').length, 2);
});

test('after a reload every deployment and the prediction log are still there, and the log exports', async (s) => {
  const page = s.page;
  await page.reload();
  await openDeploy(page, 'Deployments');
  const history = envCard(page, 'Production').getByRole('table', { name: 'Production history' });
  await history.waitFor();
  const rows = await history
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent.trim())),
    );
  // The canary of v2 rolled back before it went live: a history line of its own, between the deployments.
  assert.deepEqual(rows, [
    ['2', '3', 'rolled-back'],
    ['—', '2', 'never live: the canary rolled it back; version 1 kept serving'],
    ['1', '1', 'active'],
  ]);
  await openDeploy(page, 'Prediction log');
  const replays = await page.getByRole('table', { name: 'Replays' }).locator('tbody tr').allTextContents();
  assert.equal(replays.length, 3);
  assert.match(replays[0], /ab/);
  assert.match(replays[2], /canary/);
  const log = page.getByRole('table', { name: 'Prediction log' });
  await log.waitFor();
  assert.equal(await log.locator('tbody tr').count(), 100);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const csv = await readFile(await download.path(), 'utf8');
  assert.equal(csv.split('\r\n')[0], 'request,row,version,served,output,latency_ms,label,label_at');
  assert.equal(csv.trim().split('\r\n').length, 1 + 1720);
});
