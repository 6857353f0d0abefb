/**
 * The Features area, walked as a user would: a feature view defined over the
 * bundled Grunfeld sample with a typo in an expression (flagged at its
 * position with a suggestion), fixed and applied; the point-in-time join
 * previewed with the count of rows a naive join would leak, and saved as a
 * dataset version the Train view offers; the online store materialized with
 * progress, and a key looked up. The leak count and the vector are checked
 * against the same work done by the `workbench` CLI in Node, here, on the
 * same sample file.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { LONG, test } from './harness.js';
import { assert, goTo, saveVersion, shortIdIn, waitForDraft } from './helpers.js';
import { chooseModel, setField, trainAndWait, trainForm } from './train-helpers.js';

const SAMPLE = fileURLToPath(new URL('../../public/samples/grunfeld.csv', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/workbench.js', import.meta.url));
const END = '1955-06-30T00:00:00Z';
const VIEW = {
  name: 'firm_finance',
  entity: 'firm',
  source: 'grunfeld',
  eventTime: 'year_end',
  ttl: '730d',
  features: [
    { name: 'invest_ratio', expression: 'invest / capital' },
    { name: 'mean_invest_3y', expression: 'mean(invest, 1096d)' },
  ],
};

/** Runs the CLI from source (so it is the code under test, not an older build) and parses its --json output. */
async function workbench(args) {
  const { stdout } = await promisify(execFile)(process.execPath, [BIN, ...args, '--json'], {
    env: { ...process.env, WORKBENCH_FROM_SOURCE: '1' },
    timeout: 120_000,
  });
  return JSON.parse(stdout);
}

/** The same view applied, materialized and looked up by the CLI in a scratch workspace. */
async function cliReference() {
  const dir = mkdtempSync(join(tmpdir(), 'features-cli-'));
  try {
    const workspace = join(dir, 'ws');
    const defs = join(dir, 'features.json');
    writeFileSync(defs, JSON.stringify({ entities: [{ name: 'firm', joinKeys: ['firm'] }], featureViews: [VIEW] }));
    await workbench(['features', 'apply', defs, '--dataset', SAMPLE, '--workspace', workspace]);
    const joined = await workbench([
      'features',
      'join',
      '--entities',
      SAMPLE,
      '--entity-key',
      'firm',
      '--timestamp',
      'year_end',
      '--source',
      SAMPLE,
      '--event-time',
      'year_end',
      '--ttl',
      VIEW.ttl,
      '--out',
      join(dir, 'joined.csv'),
    ]);
    await workbench(['features', 'materialize', '--end', END, '--workspace', workspace]);
    const online = await workbench(['features', 'online', VIEW.name, '--keys', 'IBM', '--workspace', workspace]);
    return { joined, online };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let reference;

test('a feature view over the Grunfeld sample: a typo is flagged with a suggestion, fixed, and applied', async (s) => {
  const referenceRun = cliReference();
  const page = await s.open();
  await page.getByRole('button', { name: 'Load Grunfeld investment' }).click();
  assert.deepEqual(await waitForDraft(page, 'grunfeld.csv'), { rows: '220', columns: '5' });
  await saveVersion(page);

  await goTo(page, 'Features');
  const editor = page.getByRole('region', { name: 'Define a feature view' });
  await editor.getByLabel('View name').fill(VIEW.name);
  await editor.getByLabel('Entity', { exact: true }).fill(VIEW.entity);
  await editor.getByLabel('Join keys').fill('firm');
  await editor.getByLabel('Source dataset').selectOption(VIEW.source);
  await editor.getByLabel('Event time').selectOption(VIEW.eventTime);
  await editor.getByLabel('TTL (optional)').fill(VIEW.ttl);
  await editor.getByLabel('Feature 1 name').fill(VIEW.features[0].name);
  await editor.getByLabel('Feature 1 expression').fill('invest / captial');
  const error = editor.getByTestId('expression-error');
  await error.waitFor();
  assert.match(await error.textContent(), /at 10–16:\s+no column 'captial' — did you mean 'capital'\?/);
  assert.equal(await error.locator('mark').textContent(), 'captial');
  assert.ok(await editor.getByRole('button', { name: 'Apply' }).isDisabled(), 'no apply while a feature is wrong');

  await editor.getByLabel('Feature 1 expression').fill(VIEW.features[0].expression);
  await error.waitFor({ state: 'detached' });
  await editor.getByRole('button', { name: 'Add feature' }).click();
  await editor.getByLabel('Feature 2 name').fill(VIEW.features[1].name);
  await editor.getByLabel('Feature 2 expression').fill(VIEW.features[1].expression);
  await editor.getByRole('button', { name: 'Apply' }).click();
  const status = editor.getByTestId('feature-apply-status');
  await status.filter({ hasText: 'Applied' }).waitFor();
  assert.match(await status.textContent(), /Applied feature view firm_finance@1\./);

  const views = page.getByRole('table', { name: 'Feature views' });
  await views.locator('tr[data-view-id="firm_finance@1"]').waitFor();
  assert.match(await views.locator('tbody tr').first().textContent(), /firm_finance\s*1 \(newest\)\s*firm\s*grunfeld/);
  assert.match(await page.getByRole('table', { name: 'Entities' }).textContent(), /firm\s*firm/);

  // The apply is audited as the CLI's is.
  await goTo(page, 'Audit log');
  const applied = page.locator('tbody tr', { hasText: 'features.applied' }).first();
  await applied.waitFor();
  assert.match(await applied.textContent(), /Features view/);
  reference = await referenceRun;
});

test(
  'the point-in-time join shows the rows a naive join would leak, as the CLI counts them, and saves a version for Train',
  async (s) => {
    const page = s.page;
    await goTo(page, 'Features');
    const panel = page.getByRole('region', { name: 'Point-in-time join' });
    await panel.getByLabel('Entity rows (dataset version)').selectOption({ index: 1 });
    assert.equal(await panel.getByLabel('Row time column').inputValue(), 'year_end');
    await panel.getByLabel('firm_finance@1').check();
    await panel.getByRole('button', { name: 'Preview join' }).click();
    const summary = panel.getByTestId('join-view-summary');
    await summary.waitFor();
    assert.equal(await summary.getAttribute('data-matched'), '220');
    assert.equal(await summary.getAttribute('data-leaked'), String(reference.joined.leakedByNaiveJoin));
    assert.ok(reference.joined.leakedByNaiveJoin > 0, 'the sample has rows a naive join leaks into');
    // The timeline opens on an entity a naive join leaks into (every firm ties: 19 of 20 rows; the first by name).
    // Its rows, what each got and the naive pick, against the sample read here.
    const rows = readFileSync(SAMPLE, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    const first = [...new Set(rows.map(([firm]) => firm))].sort()[0];
    assert.match(
      await panel.getByLabel('Entity on the timeline').locator('option:checked').textContent(),
      /^American Steel · 20 rows, 19 leaked$/,
    );
    const mine = rows.flatMap(([firm, time], i) => (firm === first ? [[String(i + 1), time]] : []));
    const newest = mine.at(-1)[1];
    const picks = await panel
      .getByRole('table', { name: 'Feature row picked per row' })
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent.trim())));
    assert.deepEqual(
      picks,
      mine.map(([n, time]) => [n, time, time, 'matched', `${newest}${time < newest ? ' (future)' : ''}`]),
    );
    const headers = await panel.getByRole('table', { name: 'Joined rows' }).locator('thead th').allTextContents();
    assert.deepEqual(headers, ['firm', 'year_end', 'invest', 'value', 'capital', 'invest_ratio', 'mean_invest_3y']);

    await panel.getByLabel('Training set name').fill('grunfeld + features');
    await panel.getByRole('button', { name: 'Save as dataset version' }).click();
    const status = panel.getByTestId('join-status');
    await status.filter({ hasText: /[0-9a-f]{12}/ }).waitFor();
    const id = shortIdIn(await status.textContent());

    await goTo(page, 'Train');
    const pick = page.getByLabel('Dataset version');
    const option = pick.locator('option', { hasText: id });
    assert.match(await option.textContent(), /^grunfeld \+ features · /);
    await pick.selectOption((await option.getAttribute('value')) ?? '');
    assert.ok(await page.getByLabel('Use invest_ratio as a feature').isChecked());
    assert.ok(await page.getByLabel('Use mean_invest_3y as a feature').isChecked());
    await trainForm(page)
      .getByRole('combobox', { name: /^Target/ })
      .selectOption('invest');
    await chooseModel(page, 'Random forest');
    await setField(page, 'Trees', 3);
    const report = await trainAndWait(page, 'forest #1');
    assert.equal(await report.getAttribute('data-status'), 'completed');
  },
  LONG,
);

test('materializing shows progress, and an online lookup equals the offline value and the CLI', async (s) => {
  const page = s.page;
  await goTo(page, 'Features');
  const panel = page.getByRole('region', { name: 'Online store' });
  await panel.getByLabel('Materialize up to').fill(END);
  await panel.getByRole('button', { name: 'Materialize' }).click();
  const status = panel.getByTestId('materialize-status');
  await status.filter({ hasText: 'Materialized' }).waitFor();
  assert.match(
    await status.textContent(),
    /Materialized up to 1955-06-30T00:00:00.000Z:\s*firm_finance@1 11 entities\./,
  );
  assert.equal(await panel.getByRole('progressbar').getAttribute('aria-valuenow'), '100');

  await panel.getByLabel('Service or view').selectOption('firm_finance');
  await panel.getByLabel('Entity keys').fill('IBM');
  await panel.getByRole('button', { name: 'Look up' }).click();
  const table = panel.getByRole('table', { name: 'Feature vectors' });
  await table.waitFor();
  const values = async (store) =>
    JSON.parse((await table.locator(`tr[data-key="IBM"][data-store="${store}"]`).getAttribute('data-values')) ?? '');
  const online = await values('online');
  assert.deepEqual(online, await values('offline'));
  assert.deepEqual(reference.online.features, ['invest_ratio', 'mean_invest_3y']);
  assert.deepEqual(online, reference.online.rows[0].values);
  assert.ok(
    online.every((v) => typeof v === 'number'),
    'IBM has every feature at the end time',
  );
  assert.equal(await table.getByTestId('vectors-equal').textContent(), 'yes');
  assert.deepEqual(s.takePageErrors(), []);
});

test('editing the view and applying stores version 2 next to version 1', async (s) => {
  const page = s.page;
  await goTo(page, 'Features');
  await page.getByRole('button', { name: 'Edit firm_finance' }).click();
  const editor = page.getByRole('region', { name: 'Define a feature view' });
  assert.equal(await editor.getByLabel('Feature 2 expression').inputValue(), VIEW.features[1].expression);
  await editor.getByLabel('TTL (optional)').fill('365d');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await editor.getByTestId('feature-apply-status').filter({ hasText: 'firm_finance@2' }).waitFor();
  const views = page.getByRole('table', { name: 'Feature views' });
  await views.locator('tr[data-view-id="firm_finance@2"]').waitFor();
  const versions = await views.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.viewId));
  assert.deepEqual(versions, ['firm_finance@2', 'firm_finance@1']);
  assert.match(await views.locator('tbody tr').first().textContent(), /365d/);
  assert.deepEqual(s.takePageErrors(), []);
});
