/**
 * Helpers for the monitoring browser tests: the iris sample trained,
 * registered as "iris" and promoted, so v1 serves production.
 */
import assert from 'node:assert/strict';
import { goTo, saveVersion, waitForDraft } from './helpers.js';
import { move, registerRun } from './registry-helpers.js';
import { chooseModel, setField, trainAndWait, trainForm } from './train-helpers.js';

/**
 * Loads and saves iris, trains `model` (run `runName`; `epochs` for an
 * MLP), registers it as "iris" and promotes v1 to Production.
 */
export async function irisInProduction(page, { model = 'Logistic regression', runName = 'logistic #1', epochs } = {}) {
  await page.getByRole('button', { name: 'Load Iris' }).click();
  await waitForDraft(page, 'iris.csv');
  await saveVersion(page);
  await goTo(page, 'Train');
  await trainForm(page).waitFor();
  await chooseModel(page, model);
  if (epochs !== undefined) await setField(page, 'Epochs', epochs);
  const run = await trainAndWait(page, runName);
  assert.equal(await run.getAttribute('data-status'), 'completed');
  await goTo(page, 'Runs');
  await registerRun(page, runName, 'iris');
  await goTo(page, 'Registry');
  const moved = await move(page, 'iris', 1, 'Production', { reason: 'first model' });
  assert.equal(moved.blocked, false, moved.text);
}
