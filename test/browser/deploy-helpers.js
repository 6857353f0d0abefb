/**
 * Helpers for the Deploy area's browser tests: open a section, deploy or
 * roll back an environment, set up and run a rollout, read its result.
 */
import { goTo } from './helpers.js';

/** Replays score in a worker; on a busy machine that can take a while. */
export const REPLAY_TIMEOUT_MS = 240_000;

/** Opens the Deploy area on one of its sections ('Deployments', 'Rollout', 'Prediction log'). */
export async function openDeploy(page, section) {
  await goTo(page, 'Deploy');
  await page.getByRole('group', { name: 'Deploy sections' }).getByRole('button', { name: section }).click();
}

/** Picks the option of a select whose text contains `text`. */
export async function pick(select, text) {
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value);
}

/** The card of an environment ('Staging' or 'Production'). */
export function envCard(page, title) {
  return page.getByRole('article', { name: title, exact: true });
}

/** Deploys `version` to `env` with `data` (a dataset version name) as the data it will receive; returns the status or alert. */
export async function deploy(page, env, version, data) {
  const card = envCard(page, env === 'production' ? 'Production' : 'Staging');
  await card.getByLabel(`Version to deploy to ${env}`).selectOption(String(version));
  if (data) await pick(card.getByLabel(`Data for ${env}`), data);
  await card.getByRole('button', { name: `Deploy to ${env}` }).click();
  return settled(page);
}

/** Rolls `env` back; returns the status or alert. */
export async function rollBack(page, env, reason = '') {
  const card = envCard(page, env === 'production' ? 'Production' : 'Staging');
  await card.getByLabel(`Rollback reason for ${env}`).fill(reason);
  await card.getByRole('button', { name: `Roll back ${env}` }).click();
  return settled(page);
}

/** Waits for the Deployments section's status line or alert and returns its text. */
async function settled(page) {
  const status = page.locator('p[role="status"]').filter({ hasText: /\S/ });
  const alert = page.getByRole('alert');
  await status.or(alert).first().waitFor({ timeout: REPLAY_TIMEOUT_MS });
  return ((await alert.count()) ? await alert.first().textContent() : await status.first().textContent()).trim();
}

/** The active version shown in an environment card, or null. */
export async function activeVersion(page, title) {
  const text = await envCard(page, title).locator('p.active').textContent();
  const match = /version (\d+)/.exec(text);
  return match ? Number(match[1]) : null;
}

/** Sets the rollout form and starts it (`apply` false = dry run); returns the result article once shown. */
export async function runRollout(page, { stable, candidate, traffic, strategy, fields = {}, apply = true }) {
  const form = page.getByRole('form', { name: 'Rollout' });
  await form.getByLabel('Stable version').selectOption(stable);
  await form.getByLabel('Candidate version').selectOption(candidate);
  await pick(form.getByLabel('Request stream'), traffic);
  await form.getByLabel('Strategy', { exact: true }).selectOption(strategy);
  for (const [label, value] of Object.entries(fields))
    await form.getByLabel(label, { exact: true }).fill(String(value));
  await form.getByRole('checkbox', { name: /Act on the decision/ }).setChecked(apply);
  await form.getByRole('button', { name: 'Start rollout' }).click();
  const result = page.getByRole('article', { name: 'Rollout result' }).filter({ hasText: `${strategy}: ${candidate}` });
  await result.waitFor({ timeout: REPLAY_TIMEOUT_MS });
  return result;
}
