/**
 * Monitoring in the browser: iris@1 in Production; the Drift lab replays
 * the iris version with a shifted and a rescaled column through it, the
 * monitor's windows show the drift and raise the drift-share alert, a
 * window of that unsaved traffic opens column by column with its charts, and
 * "Retrain now" trains the challenger on the drifted rows, passes the gates,
 * promotes and deploys it — every step listed and in the audit log.
 */
import { LONG, test } from './harness.js';
import { assert, goTo } from './helpers.js';
import { irisInProduction } from './monitor-helpers.js';

test(
  'an injected drift raises an alert, and a retrained challenger is promoted',
  async (s) => {
    const page = await s.open();
    await irisInProduction(page);

    await goTo(page, 'Monitor');
    await page.getByTestId('monitor-serving').filter({ hasText: 'iris@1' }).waitFor();
    const lab = page.getByRole('form', { name: 'Drift lab' });
    await lab.getByLabel('Shift column').fill('petal_length');
    await lab.getByLabel('by', { exact: true }).fill('3');
    await lab.getByLabel('Scale column').fill('sepal_length');
    await lab.getByLabel('by factor').fill('3');
    await lab.getByLabel('Save drifted rows as version').fill('iris-drifted');
    await lab.getByRole('button', { name: 'Replay' }).click();
    const status = page.getByTestId('monitor-status');
    await status
      .filter({ hasText: 'Replayed 150 requests with shift petal_length by 3, scale sepal_length by 3.' })
      .waitFor();

    assert.ok(
      page.workers().some((worker) => /monitor/.test(worker.url())),
      `the replay ran in the monitor worker: ${page.workers().map((w) => w.url())}`,
    );
    await page.getByLabel('Window (requests)').fill('50');
    await page.getByRole('button', { name: 'Check windows' }).click();
    await status.filter({ hasText: /^3 windows monitored; [1-9]\d* new alerts?\.$/ }).waitFor();
    const rows = await page.getByTestId('monitor-windows').locator('tbody tr').allTextContents();
    assert.equal(rows.length, 3);
    for (const row of rows) assert.match(row, /petal_length/, row);
    // A window of the lab's unsaved traffic, column by column, with its charts.
    await page.getByRole('button', { name: 'Columns of window 2' }).click();
    const opened = page.getByTestId('window-drift');
    await opened.getByRole('heading', { name: 'Window 2: requests 50–99' }).waitFor();
    const cards = opened.getByTestId('drift-column');
    assert.equal(await cards.count(), 4);
    const shifted = opened.locator('[data-testid="drift-column"][data-column="petal_length"]');
    assert.equal(await shifted.getAttribute('data-drifted'), 'yes');
    assert.equal(await shifted.getAttribute('data-test'), 'ks');
    assert.equal(await shifted.getByRole('img', { name: 'petal_length: reference and current histograms' }).count(), 1);
    await opened.getByRole('button', { name: 'Close' }).click();
    await opened.waitFor({ state: 'detached' });

    const alerts = await page.getByTestId('monitor-alerts').textContent();
    assert.match(alerts, /drift-share on iris@1/);
    assert.equal(
      await page.getByRole('img', { name: 'Accuracy per window with 95% intervals' }).locator('circle').count(),
      3,
    );

    await page.getByRole('button', { name: 'Retrain now' }).click();
    await status.filter({ hasText: 'Retraining iris#1: promoted.' }).waitFor({ timeout: 120_000 });
    await page.getByTestId('monitor-serving').filter({ hasText: 'iris@2' }).waitFor();
    const steps = await page.getByTestId('monitor-retrainings').textContent();
    for (const step of ['trained', 'registered', 'gates', 'promoted', 'deployed'])
      assert.match(steps, new RegExp(`✓ ${step}:`));
    assert.match(steps, /dataset version "iris-drifted"/);

    await goTo(page, 'Audit log');
    const log = await page.locator('main').textContent();
    for (const label of [
      'Traffic replayed for monitoring',
      'Alert raised',
      'Retraining started',
      'Retraining finished',
    ])
      assert.ok(log.includes(label), `the audit log shows "${label}"`);
  },
  LONG,
);
