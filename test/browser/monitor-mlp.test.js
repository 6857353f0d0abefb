/**
 * Retraining an MLP champion from the Monitor view: the monitor worker loads
 * TF.js only for an MLP, so this is the path the logistic story in
 * monitor.test.js never takes. iris@1 is an MLP in Production; the Drift lab
 * replays iris with a shifted column, and "Retrain now" trains an MLP
 * challenger on the drifted rows in the monitor worker, registers it and
 * runs the gates.
 */
import { LONG, test } from './harness.js';
import { assert, goTo } from './helpers.js';
import { irisInProduction } from './monitor-helpers.js';

test(
  'an MLP champion is retrained in the monitor worker on the drifted traffic',
  async (s) => {
    const page = await s.open();
    await irisInProduction(page, { model: 'MLP', runName: 'mlp #1', epochs: 40 });

    await goTo(page, 'Monitor');
    await page.getByTestId('monitor-serving').filter({ hasText: 'iris@1' }).waitFor();
    const lab = page.getByRole('form', { name: 'Drift lab' });
    await lab.getByLabel('Shift column').fill('petal_width');
    await lab.getByLabel('by', { exact: true }).fill('1');
    await lab.getByLabel('Save drifted rows as version').fill('iris-shifted');
    await lab.getByRole('button', { name: 'Replay' }).click();
    const status = page.getByTestId('monitor-status');
    await status.filter({ hasText: 'Replayed 150 requests with shift petal_width by 1.' }).waitFor();

    await page.getByRole('button', { name: 'Retrain now' }).click();
    await status.filter({ hasText: /^Retraining iris#1: / }).waitFor({ timeout: 180_000 });
    const outcome = (await status.textContent()).trim();
    // Whatever the gates decide, the retraining itself must not fail.
    assert.match(outcome, /^Retraining iris#1: (promoted|blocked|waiting approval)\.$/, outcome);
    console.log(`    ${outcome}`);
    if (outcome.endsWith('promoted.')) {
      await page.getByTestId('monitor-serving').filter({ hasText: 'iris@2' }).waitFor();
    }
    const steps = await page.getByTestId('monitor-retrainings').textContent();
    assert.match(steps, /✓ trained:/, steps);
    assert.match(steps, /✓ registered:/, steps);
    assert.match(steps, /dataset version "iris-shifted"/, steps);
    assert.ok(
      page.workers().some((worker) => /monitor/.test(worker.url())),
      `the retraining ran in the monitor worker: ${page.workers().map((w) => w.url())}`,
    );

    // The challenger is an MLP run, trained on the drifted version, registered as iris v2.
    await goTo(page, 'Runs');
    const runs = await page.getByRole('table', { name: 'Training runs' }).locator('tbody tr').allTextContents();
    const retrained = runs.filter((row) => /mlp/i.test(row));
    assert.equal(retrained.length, 2, runs.join('\n'));
    await goTo(page, 'Registry');
    await page.getByText(/v2/).first().waitFor();
  },
  LONG,
);
