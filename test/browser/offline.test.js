/**
 * Offline: after the first visit the service worker has precached every
 * built file (workers and TF.js WASM included), so with the network cut the
 * app reloads, loads a sample and trains an MLP on the WASM backend.
 */
import { LONG, test } from './harness.js';
import { assert, goTo } from './helpers.js';
import { chooseModel, metric, setField, trainAndWait, trainForm } from './train-helpers.js';

test(
  'with the network cut after the first visit, the app reloads and trains an MLP',
  async (s) => {
    const page = await s.open();
    // The first visit installs the service worker, which precaches everything before it activates.
    assert.equal(await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active)), true);
    await s.context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'MLOps Workbench' }).waitFor();
    await goTo(page, 'Train');
    await page.getByRole('button', { name: 'Use the Palmer penguins sample' }).click();
    await trainForm(page).waitFor();
    await chooseModel(page, 'MLP');
    await setField(page, 'Epochs', '5');
    const report = await trainAndWait(page, 'mlp #1');
    assert.equal(await report.getAttribute('data-status'), 'completed');
    assert.ok((await metric(report, 'accuracy')) > 0.4);
    assert.match(await report.textContent(), /wasm/i);
    await s.context.setOffline(false);
  },
  LONG,
);
