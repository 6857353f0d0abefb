/**
 * Small helpers shared by the browser tests. playwright-core has no
 * `expect`, so assertions are node:assert over values read from the page,
 * after waiting for the element that should hold them.
 */
import assert from 'node:assert/strict';

/** Shows one area of the workbench through its navigation button. */
export async function goTo(page, label) {
  await page.getByRole('navigation', { name: 'Workbench' }).getByRole('button', { name: label, exact: true }).click();
}

/**
 * Drops a file on the data view with a real DataTransfer, as a user's drag
 * from the desktop would: dragenter, dragover (checks the highlight), drop.
 */
export async function dropFile(page, fileName, text) {
  const zone = page.getByTestId('drop-zone');
  const dataTransfer = await page.evaluateHandle(
    ({ fileName, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], fileName, { type: 'text/csv' }));
      return transfer;
    },
    { fileName, text },
  );
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  assert.match((await zone.getAttribute('class')) ?? '', /\bover\b/, 'the drop zone is highlighted during dragover');
  await zone.dispatchEvent('drop', { dataTransfer });
  await dataTransfer.dispose();
}

/** Waits until the draft shows `sourceName` and returns its row and column counts as text. */
export async function waitForDraft(page, sourceName) {
  await page.getByRole('heading', { name: sourceName, exact: true }).waitFor();
  return {
    rows: await page.getByTestId('row-count').textContent(),
    columns: await page.getByTestId('column-count').textContent(),
  };
}

/**
 * Saves a freshly loaded draft under its default name (or `name`) and
 * returns the status sentence. Loading clears the previous save's status,
 * so the sentence waited for is this save's.
 */
export async function saveVersion(page, { name, note } = {}) {
  if (name !== undefined) await page.getByLabel('Version name', { exact: true }).fill(name);
  if (note !== undefined) await page.getByLabel('Note', { exact: true }).fill(note);
  const status = page.locator('form p[role="status"]');
  await page.getByRole('button', { name: 'Save version' }).click();
  await status.filter({ hasText: /[0-9a-f]{12}/ }).waitFor();
  return (await status.textContent()).replace(/\s+/g, ' ').trim();
}

/** The 12-hex short id in a sentence. */
export function shortIdIn(text) {
  const match = /\b[0-9a-f]{12}\b/.exec(text);
  assert.ok(match, `expected a 12-hex-digit id in: ${text}`);
  return match[0];
}

/** The rows of the versions table as { name, id } (newest first). */
export async function listedVersions(page) {
  const table = page.getByRole('table', { name: 'Dataset versions, newest first' });
  await table.waitFor();
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      name: row.querySelector('th')?.textContent?.trim(),
      id: row.querySelector('code')?.textContent?.trim(),
    })),
  );
}

export { assert };
