/**
 * Helpers for the training browser tests: fill the Train form, start a run
 * and wait for its report, read metrics and chart point counts.
 */
import assert from 'node:assert/strict';

/** Training can take a while on a shared 2-core machine (a LONG test allows 300 s in all). */
export const RUN_TIMEOUT_MS = 240_000;

/** The Train view's form. */
export function trainForm(page) {
  return page.getByRole('form', { name: 'Training run' });
}

/** Picks a model by its label, e.g. 'Logistic regression'. */
export async function chooseModel(page, label) {
  const select = trainForm(page).getByRole('combobox', { name: 'Model', exact: true });
  const value = await select.locator('option', { hasText: label }).first().getAttribute('value');
  await select.selectOption(value);
}

/** Sets a number (or text) field of the form by its label. */
export async function setField(page, label, value) {
  await trainForm(page).getByLabel(label, { exact: true }).fill(String(value));
}

/**
 * Clicks Train and waits for the report of the run named `runName`
 * (`forest #1`, …); returns the report's locator.
 */
export async function trainAndWait(page, runName) {
  await trainForm(page).getByRole('button', { name: 'Train', exact: true }).click();
  const report = page
    .locator('article[data-status]')
    .filter({ has: page.getByRole('heading', { name: `Run ${runName}`, exact: true }) });
  await report.waitFor({ timeout: RUN_TIMEOUT_MS });
  return report;
}

/** A metric shown in a report (`data-metric` key), as a number. */
export async function metric(report, key) {
  const text = await report.locator(`dl [data-metric="${key}"]`).textContent();
  const value = Number(text);
  assert.ok(Number.isFinite(value), `metric ${key} should be a number, got ${text}`);
  return value;
}

/** How many points a chart (by its aria-label) draws. */
export async function chartPoints(scope, label) {
  const chart = scope.locator(`figure[aria-label="${label}"]`);
  await chart.waitFor();
  return Number(await chart.getAttribute('data-points'));
}

/** The rows of the runs table as { name, status, text }, in table order. */
export async function listedRuns(page) {
  const table = page.getByRole('table', { name: 'Training runs' });
  await table.waitFor();
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      name: row.querySelector('th')?.textContent?.trim(),
      status: row.getAttribute('data-status'),
      text: row.textContent.replace(/\s+/g, ' ').trim(),
    })),
  );
}
