/**
 * Helpers for the registry browser tests: register a run, open a version,
 * move it, read the versions table, catch a download, pick a file.
 */
import { readFile } from 'node:fs/promises';
import assert from 'node:assert/strict';

/** The versions table of a model. */
export function versionsTable(page, modelName) {
  return page.getByRole('table', { name: `Versions of ${modelName}` });
}

/** The stage of each listed version as { 'v1': 'Production', … }. */
export async function stages(page, modelName) {
  const table = versionsTable(page, modelName);
  await table.waitFor();
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [`v${tr.getAttribute('data-version')}`, tr.getAttribute('data-stage')]));
  return Object.fromEntries(rows);
}

/** Registers a run from the Runs view as a version of `modelName`; returns the status sentence. */
export async function registerRun(page, runName, modelName, { description = '', tags = '' } = {}) {
  await page.getByRole('button', { name: `Register ${runName}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Register ${runName} as a model version` });
  await dialog.getByLabel('Model name').fill(modelName);
  await dialog.getByLabel('Description').fill(description);
  await dialog.getByLabel('Tags').fill(tags);
  await dialog.getByRole('button', { name: 'Register version' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Opens a version's panel (if not open yet) and returns it. */
export async function openVersion(page, modelName, version) {
  const panel = page.locator(`article[data-version-id="${modelName}@${version}"]`);
  if (!(await panel.isVisible()))
    await versionsTable(page, modelName)
      .getByRole('button', { name: `v${version}`, exact: true })
      .click();
  await panel.waitFor();
  return panel;
}

/** Moves a version to a stage with a reason (and an approval) and returns the status or the blocked notice text. */
export async function move(page, modelName, version, stage, { reason = '', approver, comment } = {}) {
  const panel = await openVersion(page, modelName, version);
  const form = panel.getByRole('form', { name: `Move version ${version}` });
  await form.getByLabel('Move to').selectOption(stage);
  await form.getByLabel('Reason').fill(reason);
  if (approver !== undefined) await form.getByLabel('Approver').fill(approver);
  if (comment !== undefined) await form.getByLabel('Approval comment').fill(comment);
  const status = page.locator('p[role="status"].status');
  await form.getByRole('button', { name: `Move to ${stage}` }).click();
  const blocked = page.locator('[role="alert"]').filter({ has: page.getByRole('heading', { name: /blocked$/ }) });
  await Promise.race([status.filter({ hasText: /^Moved version/ }).waitFor(), blocked.waitFor()]);
  return (await blocked.isVisible())
    ? { blocked: true, text: (await blocked.textContent()).replace(/\s+/g, ' ') }
    : { blocked: false, text: (await status.textContent()).trim() };
}

/** Clicks `trigger` and returns the downloaded file's name and bytes. */
export async function download(page, trigger) {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  const path = await file.path();
  assert.ok(path, 'the download completed');
  return { name: file.suggestedFilename(), bytes: new Uint8Array(await readFile(path)) };
}

/** Sets the time slider to stop `index` (0 = the first change). */
export async function slideTo(page, index) {
  const slider = page.getByRole('slider', { name: 'Registry as of' });
  await slider.evaluate((input, value) => {
    input.value = String(value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, index);
}
